package io.flowpol.cli;

import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InputProblem;
import java.util.ArrayList;
import java.util.List;

/** Turns what the readers counted (malformed lines, ignored columns, recording warnings) into report findings. */
final class IngestFindings {
    private IngestFindings() {
    }

    /** {@code others} (the AWS network inventory's) come last. */
    static List<Finding> of(ReadSummary stats, List<InputProblem> recordingWarnings, List<Finding> others) {
        List<Finding> findings = new ArrayList<>();
        if (stats.malformed() > 0) {
            StringBuilder message = new StringBuilder(stats.malformed() + " malformed flow-log line(s) were skipped "
                    + "(use --strict to stop at the first); the first:");
            for (InputProblem p : stats.problems().subList(0, Math.min(5, stats.problems().size()))) {
                message.append(' ').append(p.message()).append(';');
            }
            findings.add(new Finding(Finding.Severity.WARNING, "malformed-lines", message.toString(), stats.malformed()));
        }
        if (stats.headerColumnsIgnored() > 0) {
            findings.add(new Finding(Finding.Severity.INFO, "unknown-columns",
                    "header columns flowpol does not know were ignored", stats.headerColumnsIgnored()));
        }
        for (InputProblem w : recordingWarnings) {
            findings.add(new Finding(Finding.Severity.WARNING, "recording", w.message(), 1));
        }
        findings.addAll(others);
        return findings;
    }
}
