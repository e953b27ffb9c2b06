package io.flowpol.inference.history;

import io.flowpol.inference.model.Coverage;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link InferenceResult} of all windows merged so far: the state's edges, attempts and
 * SNAT egress; the current window's coverage, less the workloads that were silent now but
 * talked in an earlier window; the current window's findings followed by those of forgetting.
 */
public final class MergedResult {
    private MergedResult() {
    }

    public static InferenceResult of(LearnedState state, InferenceResult window, List<Finding> extraFindings) {
        if (state == null || window == null) {
            throw new IllegalArgumentException("state and window are required");
        }
        List<Finding> findings = new ArrayList<>(window.findings());
        if (extraFindings != null) {
            findings.addAll(extraFindings);
        }
        return new InferenceResult(state.edges(), state.attempts(), state.snatEgress(), coverage(state, window.coverage()),
                findings);
    }

    private static Coverage coverage(LearnedState state, Coverage window) {
        if (window == null) {
            return null;
        }
        Set<WorkloadId> talked = new HashSet<>();
        for (Edge e : state.edges()) {
            for (Peer end : List.of(e.client(), e.server())) {
                if (end.workload() != null) {
                    talked.add(end.workload());
                }
            }
        }
        List<WorkloadId> silent = window.silentWorkloads().stream().filter(id -> !talked.contains(id)).toList();
        return new Coverage(silent, window.colocatedPairs(), window.unresolvedByReason());
    }
}
