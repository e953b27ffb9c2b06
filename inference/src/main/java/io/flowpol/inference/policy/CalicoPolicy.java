package io.flowpol.inference.policy;

import java.util.List;

/**
 * A Calico {@code projectcalico.org/v3} policy of any of the four kinds. Selectors are kept
 * as Calico selector expressions (text); the evaluator parses them. {@code order} is null
 * when unset (Calico treats that as infinite: evaluated last). {@code namespace} is null
 * for the global kinds.
 */
public record CalicoPolicy(
        CalicoKind kind,
        String namespace,
        String name,
        String tier,
        Double order,
        String selector,
        String namespaceSelector,
        String serviceAccountSelector,
        List<PolicyType> types,
        List<CalicoRule> ingress,
        List<CalicoRule> egress) {

    public enum CalicoKind {
        GLOBAL_NETWORK_POLICY("GlobalNetworkPolicy"),
        NETWORK_POLICY("NetworkPolicy"),
        STAGED_GLOBAL_NETWORK_POLICY("StagedGlobalNetworkPolicy"),
        STAGED_NETWORK_POLICY("StagedNetworkPolicy");

        private final String kindName;

        CalicoKind(String kindName) {
            this.kindName = kindName;
        }

        public String kindName() {
            return kindName;
        }

        public boolean global() {
            return this == GLOBAL_NETWORK_POLICY || this == STAGED_GLOBAL_NETWORK_POLICY;
        }

        public boolean staged() {
            return this == STAGED_GLOBAL_NETWORK_POLICY || this == STAGED_NETWORK_POLICY;
        }
    }

    public CalicoPolicy {
        if (kind == null) {
            throw new IllegalArgumentException("kind == null");
        }
        if (name == null) {
            throw new IllegalArgumentException("name == null");
        }
        tier = tier == null ? "default" : tier;
        types = types == null ? List.of() : List.copyOf(types);
        ingress = ingress == null ? List.of() : List.copyOf(ingress);
        egress = egress == null ? List.of() : List.copyOf(egress);
    }
}
