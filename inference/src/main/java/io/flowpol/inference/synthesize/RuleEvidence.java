package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.policy.PolicyType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The edges behind one generated rule, so a rendering can comment the rule with its
 * evidence. {@code namespace} is null for cluster-scoped (Calico global) policies;
 * {@code rule} is the index in the policy's ingress or egress list. {@code snat} explains the
 * edges that stem from SNAT-hidden egress (issue 14 item 4): their counts are a node's, so the
 * rule's own counts ({@link #connections()} ...) leave them out. {@code internet} summarises the
 * clients of an internet-facing port whose one edge here stands for all of them (issue 19 item 3).
 */
public record RuleEvidence(String namespace, String policy, PolicyType direction, int rule, List<Edge> edges,
                           List<SnatNote> snat, List<InternetClients> internet) {

    public RuleEvidence {
        if (policy == null || direction == null) {
            throw new IllegalArgumentException("policy and direction are required");
        }
        edges = edges == null ? List.of() : List.copyOf(edges);
        snat = snat == null ? List.of() : List.copyOf(snat);
        internet = internet == null ? List.of() : List.copyOf(internet);
    }

    /** Without internet-facing summaries. */
    public RuleEvidence(String namespace, String policy, PolicyType direction, int rule, List<Edge> edges,
                        List<SnatNote> snat) {
        this(namespace, policy, direction, rule, edges, snat, List.of());
    }

    public RuleEvidence(String namespace, String policy, PolicyType direction, int rule, List<Edge> edges) {
        this(namespace, policy, direction, rule, edges, List.of());
    }

    /** The edges seen as this rule's own traffic: all but the SNAT-derived ones. */
    public List<Edge> ownEdges() {
        if (snat.isEmpty()) {
            return edges;
        }
        Set<Edge> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
        snat.forEach(n -> hidden.add(n.edge()));
        return edges.stream().filter(e -> !hidden.contains(e)).toList();
    }

    /** Distinct connections over the own edges (an edge without evidence counts as one). */
    public long connections() {
        return ownEdges().stream().mapToLong(e -> e.evidence() == null ? 1 : e.evidence().connections()).sum();
    }

    /** Earliest first-seen (epoch ms) of the own edges, or -1 when none carries evidence. */
    public long firstSeen() {
        return withEvidence().mapToLong(e -> e.evidence().firstSeen()).min().orElse(-1);
    }

    /** Latest last-seen (epoch ms) of the own edges, or -1 when none carries evidence. */
    public long lastSeen() {
        return withEvidence().mapToLong(e -> e.evidence().lastSeen()).max().orElse(-1);
    }

    private Stream<Edge> withEvidence() {
        return ownEdges().stream().filter(e -> e.evidence() != null);
    }
}
