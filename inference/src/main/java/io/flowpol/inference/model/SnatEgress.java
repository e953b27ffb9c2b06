package io.flowpol.inference.model;

import io.flowpol.inference.timeline.WorkloadId;
import java.util.List;

/**
 * Egress seen as node to external address (DESIGN.md fact 3): the VPC CNI SNAT hides the pod,
 * so it is reported with the workloads that had pods on that node at the time, never
 * attributed to one of them.
 */
public record SnatEgress(String node, IpAddress destination, int protocol, int port, Evidence evidence,
                         List<WorkloadId> candidates) {
    public SnatEgress {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
