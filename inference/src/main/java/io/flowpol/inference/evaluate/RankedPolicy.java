package io.flowpol.inference.evaluate;

import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.NetworkPolicy;
import java.util.Comparator;

/**
 * A policy of either family with its place in Calico's evaluation order: tier, then order,
 * then name (https://docs.tigera.io/calico/latest/network-policy/policy-tiers/tiered-policy).
 * Exactly one of {@code kubernetes} and {@code calico} is set.
 */
record RankedPolicy(String tier, double order, String id, NetworkPolicy kubernetes, CalicoPolicy calico) {
    static final String DEFAULT_TIER = "default";
    /** Calico renders Kubernetes NetworkPolicies as order-1000 policies in tier default. */
    static final double KUBERNETES_ORDER = 1000.0;

    /** Non-default tiers first, by name; tier default last; then order (unset = last), then id. */
    static final Comparator<RankedPolicy> EVALUATION_ORDER = Comparator
            .comparing((RankedPolicy p) -> p.tier().equals(DEFAULT_TIER))
            .thenComparing(RankedPolicy::tier)
            .thenComparingDouble(RankedPolicy::order)
            .thenComparing(RankedPolicy::id);

    static RankedPolicy of(NetworkPolicy policy) {
        String id = "NetworkPolicy/" + policy.namespace() + "/" + policy.name();
        return new RankedPolicy(DEFAULT_TIER, KUBERNETES_ORDER, id, policy, null);
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
        return new RankedPolicy(policy.tier(), order, id, null, policy);
    }

    boolean staged() {
        return calico != null && calico.kind().staged();
    }
}
