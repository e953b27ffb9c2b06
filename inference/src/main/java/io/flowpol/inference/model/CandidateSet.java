package io.flowpol.inference.model;

import java.util.List;

/**
 * The workloads that could have sent a SNAT-ed connection (DESIGN.md fact 3) — those with a pod
 * on the node at the connection's time — and how many connections had exactly this set.
 * {@code workloads} is sorted; several connections with the same set are counted, not repeated.
 */
public record CandidateSet(List<WorkloadId> workloads, long connections) {
    public CandidateSet {
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
        if (connections < 1) {
            throw new IllegalArgumentException("connections < 1: " + connections);
        }
    }
}
