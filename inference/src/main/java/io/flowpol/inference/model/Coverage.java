package io.flowpol.inference.model;

import java.util.List;
import java.util.Map;

/**
 * What the window could not see: workloads with no observed traffic, pairs of workloads
 * whose pods were always on the same node (their traffic never crosses an ENI, DESIGN.md
 * fact 4), and records that resolved to nothing, counted by reason.
 */
public record Coverage(List<WorkloadId> silentWorkloads, List<WorkloadPair> colocatedPairs,
                       Map<String, Long> unresolvedByReason) {
    public Coverage {
        silentWorkloads = silentWorkloads == null ? List.of() : List.copyOf(silentWorkloads);
        colocatedPairs = colocatedPairs == null ? List.of() : List.copyOf(colocatedPairs);
        unresolvedByReason = unresolvedByReason == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(unresolvedByReason));
    }
}
