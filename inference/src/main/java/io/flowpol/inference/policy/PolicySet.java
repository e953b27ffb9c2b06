package io.flowpol.inference.policy;

import java.util.List;

/**
 * Every policy of one side of a comparison: Kubernetes NetworkPolicies, Calico policies and
 * the cluster's (Baseline)AdminNetworkPolicies, as read or synthesized, and the Calico
 * GlobalNetworkSets their rule selectors may name.
 */
public record PolicySet(List<NetworkPolicy> networkPolicies, List<CalicoPolicy> calicoPolicies,
                        List<AdminNetworkPolicy> adminPolicies, List<CalicoNetworkSet> networkSets) {
    public static final PolicySet EMPTY = new PolicySet(List.of(), List.of());

    public PolicySet {
        networkPolicies = networkPolicies == null ? List.of() : List.copyOf(networkPolicies);
        calicoPolicies = calicoPolicies == null ? List.of() : List.copyOf(calicoPolicies);
        adminPolicies = adminPolicies == null ? List.of() : List.copyOf(adminPolicies);
        networkSets = networkSets == null ? List.of() : List.copyOf(networkSets);
    }

    /** A set without admin policies or network sets (what flowpol synthesizes for Kubernetes). */
    public PolicySet(List<NetworkPolicy> networkPolicies, List<CalicoPolicy> calicoPolicies) {
        this(networkPolicies, calicoPolicies, List.of(), List.of());
    }
}
