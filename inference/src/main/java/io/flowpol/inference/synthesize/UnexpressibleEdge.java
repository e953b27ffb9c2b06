package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;

/**
 * An edge that a Kubernetes NetworkPolicy rule cannot allow (NetworkPolicy knows TCP, UDP and
 * SCTP on ports 1-65535 only: ICMP, ICMPv6, GRE, ESP, ... are beyond it), while one of its ends
 * is isolated by a flowpol default deny that therefore blocks it (issue 12 item 5).
 * {@code calicoPolicy} names the Calico policy that allows it instead, or is null when the
 * edge could not be expressed there either: then the generated policies deny it, on purpose,
 * and the report says so.
 */
public record UnexpressibleEdge(Edge edge, String calicoPolicy) {
    public UnexpressibleEdge {
        if (edge == null) {
            throw new IllegalArgumentException("edge == null");
        }
    }

    /** True when a generated Calico rule allows the edge. */
    public boolean allowedByCalico() {
        return calicoPolicy != null;
    }
}
