package io.flowpol.ingest.policy;

import java.util.Map;

/** An API resource {@link ClusterPolicySource} lists: group, version, plural and the kind of its items. */
record PolicyResource(String group, String version, String plural, String kind) {
    /** Calico's policy resources (and the GlobalNetworkSets their rules select) have the same plurals and kinds in {@code projectcalico.org/v3} and the CRDs. */
    private static final Map<String, String> CALICO_KINDS = Map.of(
            "globalnetworkpolicies", "GlobalNetworkPolicy",
            "networkpolicies", "NetworkPolicy",
            "stagedglobalnetworkpolicies", "StagedGlobalNetworkPolicy",
            "stagednetworkpolicies", "StagedNetworkPolicy",
            "stagedkubernetesnetworkpolicies", PolicyReader.STAGED_KUBERNETES,
            "globalnetworksets", "GlobalNetworkSet",
            "tiers", "Tier");

    static PolicyResource calico(CalicoSource source, String plural) {
        String kind = CALICO_KINDS.get(plural);
        if (kind == null || source.group() == null) {
            throw new IllegalArgumentException("not a Calico resource: " + source + " " + plural);
        }
        return new PolicyResource(source.group(), source.version(), plural, kind);
    }

    /** {@code plural.group}, as RBAC rules and {@code kubectl auth can-i} name a resource. */
    String describe() {
        return plural + "." + group;
    }
}
