package io.flowpol.inference.policy;

import java.util.List;

/**
 * A {@code policy.networking.k8s.io/v1alpha1} AdminNetworkPolicy, or with {@code baseline} the
 * cluster's one BaselineAdminNetworkPolicy (https://network-policy-api.sigs.k8s.io/api-overview/).
 * Cluster-scoped. AdminNetworkPolicies are evaluated before NetworkPolicies, lowest
 * {@code priority} first (0-1000); the baseline after them, where no NetworkPolicy selects the
 * pod. A rule's action is Allow, Deny or Pass (Pass: not for the baseline); when no rule
 * matches, evaluation goes on to the next tier.
 */
public record AdminNetworkPolicy(boolean baseline, String name, int priority, AdminSubject subject,
                                 List<AdminRule> ingress, List<AdminRule> egress) {
    public AdminNetworkPolicy {
        if (name == null || subject == null) {
            throw new IllegalArgumentException("name and subject are required");
        }
        ingress = ingress == null ? List.of() : List.copyOf(ingress);
        egress = egress == null ? List.of() : List.copyOf(egress);
    }

    /** {@code AdminNetworkPolicy} or {@code BaselineAdminNetworkPolicy}. */
    public String kindName() {
        return baseline ? "BaselineAdminNetworkPolicy" : "AdminNetworkPolicy";
    }
}
