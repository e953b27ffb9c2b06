package io.flowpol.cli;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.PrintWriter;
import java.util.List;

/**
 * Reports the warnings about policy files (unknown fields, repeated keys: GitHub issue 12,
 * item 12) before the command's work: each as {@code flowpol: warning: file:line: ...} on
 * stderr, or with {@code --strict} the first as the error (exit 1), the others listed above it.
 */
final class PolicyWarnings {
    private PolicyWarnings() {
    }

    /** @throws InputException with {@code strict}, when there is any warning */
    static void report(List<InputProblem> warnings, boolean strict, PrintWriter err) {
        if (warnings.isEmpty()) {
            return;
        }
        for (InputProblem warning : strict ? warnings.subList(1, warnings.size()) : warnings) {
            err.println("flowpol: warning: " + warning.message());
        }
        err.flush();
        if (strict) {
            InputProblem first = warnings.get(0);
            String more = warnings.size() == 1 ? "" : " (and " + (warnings.size() - 1) + " more above)";
            throw new InputException(InputProblem.error(first.file(), first.line(), first.field(), first.expected(),
                    first.found() + more + "; --strict makes this an error"));
        }
    }
}
