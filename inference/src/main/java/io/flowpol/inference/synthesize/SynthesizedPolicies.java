package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What synthesis produced: the policies, the edges behind every rule, the edges left out
 * for having fewer connections than {@link SynthesisOptions#minConnections()}, the edges a
 * NetworkPolicy cannot express (with the Calico policy that allows them, if any), and findings
 * about what could not be expressed safely, and the internet-facing ports whose clients one rule allows;
 * {@code sourceRanges}: the {@code loadBalancerSourceRanges} learned for LoadBalancer Services (issue 11).
 */
public record SynthesizedPolicies(PolicySet policies, List<RuleEvidence> evidence, List<Edge> leftOut,
                                  List<UnexpressibleEdge> unexpressible, List<Finding> findings,
                                  List<InternetClients> internetClients, List<SourceRanges> sourceRanges) {

    public SynthesizedPolicies {
        if (policies == null) {
            throw new IllegalArgumentException("policies == null");
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
        unexpressible = unexpressible == null ? List.of() : List.copyOf(unexpressible);
        findings = findings == null ? List.of() : List.copyOf(findings);
        internetClients = internetClients == null ? List.of() : List.copyOf(internetClients);
        sourceRanges = sourceRanges == null ? List.of() : List.copyOf(sourceRanges);
    }

    /** Without learned load balancer source ranges. */
    public SynthesizedPolicies(PolicySet policies, List<RuleEvidence> evidence, List<Edge> leftOut,
                               List<UnexpressibleEdge> unexpressible, List<Finding> findings,
                               List<InternetClients> internetClients) {
        this(policies, evidence, leftOut, unexpressible, findings, internetClients, List.of());
    }

    /** Without internet-facing summaries. */
    public SynthesizedPolicies(PolicySet policies, List<RuleEvidence> evidence, List<Edge> leftOut,
                               List<UnexpressibleEdge> unexpressible, List<Finding> findings) {
        this(policies, evidence, leftOut, unexpressible, findings, List.of());
    }

    /**
     * The learned edges the report and edges.json list one by one: all of {@code edges} but the
     * clients of internet-facing ports, which {@link #internetClients()} lists summarised (issue 19 item 3).
     */
    public List<Edge> unsummarised(List<Edge> edges) {
        if (internetClients.isEmpty()) {
            return edges;
        }
        Set<Edge> folded = new HashSet<>();
        internetClients.forEach(s -> folded.addAll(s.edges()));
        return edges.stream().filter(e -> !folded.contains(e)).toList();
    }

    /** Without edges beyond NetworkPolicy. */
    public SynthesizedPolicies(PolicySet policies, List<RuleEvidence> evidence, List<Edge> leftOut,
                               List<Finding> findings) {
        this(policies, evidence, leftOut, List.of(), findings, List.of());
    }

    /**
     * The learned edges these policies are meant to allow: all of {@code learned} but those left
     * out on purpose — too few connections, or beyond both NetworkPolicy and Calico rules. The
     * safety invariant's replay (DESIGN.md contracts) checks exactly these: a left-out edge that
     * is denied is the intended result, not a broken invariant (issue 12 item 6).
     */
    public List<Edge> meantToAllow(List<Edge> learned) {
        Set<Edge> out = new HashSet<>(leftOut);
        unexpressible.stream().filter(u -> !u.allowedByCalico()).forEach(u -> out.add(u.edge()));
        return learned.stream().filter(e -> !out.contains(e)).toList();
    }

    /** The evidence of one rule; {@code namespace} null for cluster-scoped policies. */
    public Optional<RuleEvidence> evidenceFor(String namespace, String policy, PolicyType direction, int rule) {
        return evidence.stream()
                .filter(e -> java.util.Objects.equals(e.namespace(), namespace) && e.policy().equals(policy)
                        && e.direction() == direction && e.rule() == rule)
                .findFirst();
    }
}
