package io.flowpol.cli;

import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;

/**
 * Refuses a window that learned nothing (issue 12 item 4): no flow-log record at all, or none that
 * became traffic between known endpoints in the window (a wrong bucket, prefix, window or
 * recording). Policies learned from it would deny everything, and replacing good output with them,
 * or proposing them, is never what a run that read nothing meant; {@code --allow-empty} says it is.
 * Checked on the window's own result, before {@code learn} merges it into earlier windows.
 */
final class EmptyWindow {
    private EmptyWindow() {
    }

    /** @throws InputException exit 1, naming the flow-log sources, unless {@code allowEmpty} */
    static void check(LearningPipeline.Learned window, boolean allowEmpty) {
        InferenceResult result = window.result();
        if (allowEmpty || !result.edges().isEmpty() || !result.attempts().isEmpty() || !result.snatEgress().isEmpty()) {
            return;
        }
        long records = window.read().records();
        String found = records == 0 ? "no flow-log record"
                : String.format("%,d flow-log record(s) but no traffic between known endpoints in the learning window%s",
                        records, outsideWindow(result));
        throw new InputException(InputProblem.error(String.join(", ", window.sources()), 0, null,
                "traffic to learn from", found + "; nothing was written (--allow-empty writes policies from it anyway)"));
    }

    private static String outsideWindow(InferenceResult result) {
        long outside = result.findings().stream().filter(f -> f.code().equals("outside-window"))
                .mapToLong(Finding::count).sum();
        return outside == 0 ? "" : String.format(" (%,d outside the learning window)", outside);
    }
}
