package io.flowpol.inference.evaluate;

import io.flowpol.inference.policy.AdminNetworkPolicy;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.NetworkPolicy;
import java.util.Comparator;

/**
 * A policy of any family with its place in Calico's evaluation order: tier, then order,
 * then name (https://docs.tigera.io/calico/latest/network-policy/policy-tiers/tiered-policy).
 * Exactly one of {@code kubernetes}, {@code calico} and {@code admin} is set. AdminNetworkPolicies
 * are a tier before every other, by priority; the BaselineAdminNetworkPolicy a tier after tier
 * default (Calico places them the same way: tiers {@code adminnetworkpolicy} and
 * {@code baselineadminnetworkpolicy}).
 */
record RankedPolicy(String tier, double order, String id, NetworkPolicy kubernetes, CalicoPolicy calico,
                    AdminNetworkPolicy admin) {
    static final String DEFAULT_TIER = "default";
    static final String ADMIN_TIER = "adminnetworkpolicy";
    static final String BASELINE_TIER = "baselineadminnetworkpolicy";
    /** Calico renders Kubernetes NetworkPolicies as order-1000 policies in tier default. */
    static final double KUBERNETES_ORDER = 1000.0;

    /**
     * AdminNetworkPolicies first, then the other non-default tiers by name, tier default, the
     * baseline last; then order (unset = last), then id.
     */
    static final Comparator<RankedPolicy> EVALUATION_ORDER = Comparator
            .comparingInt(RankedPolicy::tierRank)
            .thenComparing(RankedPolicy::tier)
            .thenComparingDouble(RankedPolicy::order)
            .thenComparing(RankedPolicy::id);

    static RankedPolicy of(NetworkPolicy policy) {
        String id = policy.kindName() + "/" + policy.namespace() + "/" + policy.name();
        return new RankedPolicy(DEFAULT_TIER, KUBERNETES_ORDER, id, policy, null, null);
    }

    /**
     * Calico's namespaced kind is shown as {@code CalicoNetworkPolicy}, so that a decision never
     * reads like the Kubernetes NetworkPolicy of the same namespace and name.
     */
    static RankedPolicy of(CalicoPolicy policy) {
        String kind = policy.kind() == CalicoPolicy.CalicoKind.NETWORK_POLICY ? "CalicoNetworkPolicy" : policy.kind().kindName();
        String id = kind + "/"
                + (policy.namespace() == null ? "" : policy.namespace() + "/") + policy.name();
        double order = policy.order() == null ? Double.POSITIVE_INFINITY : policy.order();
        return new RankedPolicy(policy.tier(), order, id, null, policy, null);
    }

    static RankedPolicy of(AdminNetworkPolicy policy) {
        return new RankedPolicy(policy.baseline() ? BASELINE_TIER : ADMIN_TIER, policy.priority(),
                policy.kindName() + "/" + policy.name(), null, null, policy);
    }

    private int tierRank() {
        if (admin != null) {
            return admin.baseline() ? 3 : 0;
        }
        return tier.equals(DEFAULT_TIER) ? 2 : 1;
    }

    /**
     * Whether a tier of this policy's kind goes on to the next tier when none of its rules
     * matches: admin tiers do (no match is not a verdict), Calico tiers and tier default deny.
     */
    boolean tierPassesUnmatched() {
        return admin != null;
    }

    boolean staged() {
        return calico != null ? calico.kind().staged() : kubernetes != null && kubernetes.staged();
    }
}
