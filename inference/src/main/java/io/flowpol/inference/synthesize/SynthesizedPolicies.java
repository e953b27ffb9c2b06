package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import java.util.List;
import java.util.Optional;

/**
 * What synthesis produced: the policies, the edges behind every rule, the edges left out
 * for having fewer connections than {@link SynthesisOptions#minConnections()}, and findings
 * about what could not be expressed safely.
 */
public record SynthesizedPolicies(PolicySet policies, List<RuleEvidence> evidence, List<Edge> leftOut,
                                  List<Finding> findings) {

    public SynthesizedPolicies {
        if (policies == null) {
            throw new IllegalArgumentException("policies == null");
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** The evidence of one rule; {@code namespace} null for cluster-scoped policies. */
    public Optional<RuleEvidence> evidenceFor(String namespace, String policy, PolicyType direction, int rule) {
        return evidence.stream()
                .filter(e -> java.util.Objects.equals(e.namespace(), namespace) && e.policy().equals(policy)
                        && e.direction() == direction && e.rule() == rule)
                .findFirst();
    }
}
