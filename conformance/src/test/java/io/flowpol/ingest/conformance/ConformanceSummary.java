package io.flowpol.ingest.conformance;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints, after a conformance class, how many cases passed, failed and were out of scope (with
 * the reasons and their counts, from {@link OutOfScope}), and names every in-scope case that was
 * skipped (STYLE.md habit 10: a known gap is counted, never hidden; issue 17 item 2).
 */
public final class ConformanceSummary implements TestWatcher, AfterAllCallback {
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, String> skipped = new TreeMap<>();

    @Override
    public void testSuccessful(ExtensionContext context) {
        passed.incrementAndGet();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed.incrementAndGet();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        String reason = cause == null || cause.getMessage() == null ? "no reason" : cause.getMessage();
        synchronized (skipped) {
            skipped.put(context.getDisplayName(), reason.replaceFirst("^Assumption failed: ", ""));
        }
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        synchronized (skipped) {
            skipped.put(context.getDisplayName(), "disabled: " + reason.orElse("no reason"));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Map<String, Integer> outOfScope = OutOfScope.of(context.getRequiredTestClass());
        int outTotal = outOfScope.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder out = new StringBuilder();
        out.append("conformance ").append(context.getDisplayName()).append(": ").append(passed.get()).append(" passed, ")
                .append(failed.get()).append(" failed, ").append(outTotal).append(" out of scope, ")
                .append(skipped.size()).append(" skipped in scope");
        outOfScope.forEach((reason, count) -> out.append("\n  out of scope ").append(count).append(": ").append(reason));
        skipped.forEach((name, reason) -> out.append("\n  SKIPPED IN SCOPE ").append(name).append(": ").append(reason));
        System.out.println(out);
    }
}
