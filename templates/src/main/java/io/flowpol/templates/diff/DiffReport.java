package io.flowpol.templates.diff;

import io.flowpol.inference.diff.ConnectivityDiff;
import io.flowpol.inference.diff.StructuralDiff;
import io.flowpol.inference.model.Finding;
import java.util.List;

/**
 * Everything {@code flowpol diff} reports: the connectivity diff (the evaluator's answer for both
 * sides), the structural diff of the normalised documents, what the two sides are called
 * ({@code cluster}, a directory, {@code base branch}) and the findings of the flow-log read.
 */
public record DiffReport(String currentName, String proposedName, ConnectivityDiff connectivity,
                         StructuralDiff structure, List<Finding> findings) {
    public DiffReport {
        if (currentName == null || proposedName == null) {
            throw new IllegalArgumentException("currentName and proposedName are required");
        }
        if (connectivity == null || structure == null) {
            throw new IllegalArgumentException("connectivity and structure are required");
        }
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
