package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.policy.PolicyType;

/**
 * What one pod may open to (egress) or accept from (ingress) each address interval, asked in
 * ascending order. Towards a bare address only the policies selecting the pod decide, and they
 * decide every address between two of their own CIDR boundaries alike; so the engine is asked
 * once per such stretch, not once per interval of the whole address space (issue 13 regression:
 * thousands of observed addresses cut the space for every workload).
 */
final class AddressListing {
    private final PolicyEngine engine;
    private final EvalEndpoint pod;
    private final PolicyType direction;
    /** Starts of the stretches the pod's own policies cut, ascending, from 0. */
    private final long[] own;
    private int stretch = -1;
    private ConnectionSet last;

    AddressListing(PolicyEngine engine, EvalEndpoint pod, PolicyType direction) {
        this.engine = engine;
        this.pod = pod;
        this.direction = direction;
        this.own = AddressRanges.starts(AddressRanges.of(engine.selecting(pod, direction)));
    }

    /**
     * @param start the interval's first address, not below the previous call's
     * @param address the endpoint standing for that address
     */
    ConnectionSet allowed(long start, EvalEndpoint address) {
        int at = Math.max(stretch, 0);
        while (at + 1 < own.length && own[at + 1] <= start) {
            at++;
        }
        if (at != stretch) {
            stretch = at;
            last = direction == PolicyType.EGRESS ? engine.allowedConnections(pod, address)
                    : engine.allowedConnections(address, pod);
        }
        return last;
    }
}
