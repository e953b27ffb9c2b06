package io.flowpol.ingest.conformance;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints, after a conformance class, how many cases passed, failed and were skipped, and the
 * skip reasons with their counts (STYLE.md habit 10: a known gap is counted, never hidden).
 */
public final class ConformanceSummary implements TestWatcher, AfterAllCallback {
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, Integer> skipped = new TreeMap<>();

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
        // Assumption messages start with "Assumption failed: "; the rest is the reason.
        reason = reason.replaceFirst("^Assumption failed: ", "").replaceFirst("^assumption is not true", "no reason");
        synchronized (skipped) {
            skipped.merge(reason, 1, Integer::sum);
        }
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        synchronized (skipped) {
            skipped.merge("disabled: " + reason.orElse("no reason"), 1, Integer::sum);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        int skippedTotal = skipped.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder out = new StringBuilder();
        out.append("conformance ").append(context.getDisplayName()).append(": ").append(passed.get()).append(" passed, ")
                .append(failed.get()).append(" failed, ").append(skippedTotal).append(" skipped");
        skipped.forEach((reason, count) -> out.append("\n  skipped ").append(count).append(": ").append(reason));
        System.out.println(out);
    }
}
