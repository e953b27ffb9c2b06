package io.flowpol.inference.policy;

import java.util.List;

/**
 * Every policy of one side of a comparison: Kubernetes and Calico, as read or synthesized, and
 * the Calico GlobalNetworkSets their rule selectors may name.
 */
public record PolicySet(List<NetworkPolicy> networkPolicies, List<CalicoPolicy> calicoPolicies,
                        List<CalicoNetworkSet> networkSets) {
    public static final PolicySet EMPTY = new PolicySet(List.of(), List.of());

    public PolicySet {
        networkPolicies = networkPolicies == null ? List.of() : List.copyOf(networkPolicies);
        calicoPolicies = calicoPolicies == null ? List.of() : List.copyOf(calicoPolicies);
        networkSets = networkSets == null ? List.of() : List.copyOf(networkSets);
    }

    /** Without network sets. */
    public PolicySet(List<NetworkPolicy> networkPolicies, List<CalicoPolicy> calicoPolicies) {
        this(networkPolicies, calicoPolicies, List.of());
    }
}
