package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.policy.PolicyType;
import java.util.List;

/**
 * The edges behind one generated rule, so a rendering can comment the rule with its
 * evidence. {@code namespace} is null for cluster-scoped (Calico global) policies;
 * {@code rule} is the index in the policy's ingress or egress list.
 */
public record RuleEvidence(String namespace, String policy, PolicyType direction, int rule, List<Edge> edges) {

    public RuleEvidence {
        if (policy == null || direction == null) {
            throw new IllegalArgumentException("policy and direction are required");
        }
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    /** Distinct connections over all edges (an edge without evidence counts as one). */
    public long connections() {
        return edges.stream().mapToLong(e -> e.evidence() == null ? 1 : e.evidence().connections()).sum();
    }

    /** Earliest first-seen (epoch ms) of the edges, or -1 when none carries evidence. */
    public long firstSeen() {
        return edges.stream().filter(e -> e.evidence() != null)
                .mapToLong(e -> e.evidence().firstSeen()).min().orElse(-1);
    }

    /** Latest last-seen (epoch ms) of the edges, or -1 when none carries evidence. */
    public long lastSeen() {
        return edges.stream().filter(e -> e.evidence() != null)
                .mapToLong(e -> e.evidence().lastSeen()).max().orElse(-1);
    }
}
