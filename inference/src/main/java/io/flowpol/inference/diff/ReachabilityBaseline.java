package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.model.WorkloadId;

/**
 * What {@link NewReachabilityFinder} measures against: the current policies (a dry run) or the
 * observed edges (what a generated set allows beyond what was seen, issue 18 item 3).
 */
@FunctionalInterface
interface ReachabilityBaseline {
    /** Connections allowed from client to server; an id is null when that end is a bare address. */
    ConnectionSet allowed(WorkloadId clientId, EvalEndpoint client, WorkloadId serverId, EvalEndpoint server);

    static ReachabilityBaseline of(PolicyEngine engine) {
        return (clientId, client, serverId, server) -> engine.allowedConnections(client, server);
    }
}
