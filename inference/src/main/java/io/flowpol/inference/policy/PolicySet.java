package io.flowpol.inference.policy;

import java.util.List;

/**
 * Every policy of one side of a comparison: Kubernetes NetworkPolicies, Calico policies and
 * the cluster's (Baseline)AdminNetworkPolicies, as read or synthesized.
 */
public record PolicySet(List<NetworkPolicy> networkPolicies, List<CalicoPolicy> calicoPolicies,
                        List<AdminNetworkPolicy> adminPolicies) {
    public static final PolicySet EMPTY = new PolicySet(List.of(), List.of());

    public PolicySet {
        networkPolicies = networkPolicies == null ? List.of() : List.copyOf(networkPolicies);
        calicoPolicies = calicoPolicies == null ? List.of() : List.copyOf(calicoPolicies);
        adminPolicies = adminPolicies == null ? List.of() : List.copyOf(adminPolicies);
    }

    /** A set without admin policies (what flowpol synthesizes). */
    public PolicySet(List<NetworkPolicy> networkPolicies, List<CalicoPolicy> calicoPolicies) {
        this(networkPolicies, calicoPolicies, List.of());
    }
}
