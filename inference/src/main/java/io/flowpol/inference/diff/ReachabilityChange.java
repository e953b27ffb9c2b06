package io.flowpol.inference.diff;

import io.flowpol.inference.model.WorkloadId;

/**
 * A workload pair and port whose reachability differs between the two sides, or that the
 * proposal allows without any observed flow (over-permission).
 */
public record ReachabilityChange(WorkloadId client, WorkloadId server, int protocol, int port,
                                 boolean allowedBefore, boolean allowedAfter, boolean observed) {
}
