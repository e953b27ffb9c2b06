package io.flowpol.templates.render;

import io.flowpol.inference.policy.CalicoNetworkSet;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.synthesize.CalicoDialect;
import java.math.BigDecimal;
import java.util.Map;

/** Builds the views of the Calico dialect's documents: policies, GlobalNetworkSets and the tier. */
final class CalicoPolicyViews {
    private CalicoPolicyViews() {
    }

    static CalicoPolicyView of(CalicoPolicy policy, EvidenceIndex evidence) {
        return new CalicoPolicyView(policy.kind().kindName(), YamlStrings.scalar(policy.name()),
                policy.namespace() == null ? null : YamlStrings.scalar(policy.namespace()),
                NetworkPolicyViews.keyValues(Map.of("app.kubernetes.io/managed-by", "flowpol")),
                YamlStrings.scalar(policy.tier()), number(policy.order()),
                policy.selector() == null ? null : YamlStrings.quoted(policy.selector()),
                policy.types().stream().map(NetworkPolicyViews::policyType).toList(),
                GlobalNetworkPolicyViews.rules(policy, PolicyType.INGRESS, policy.ingress(), evidence),
                GlobalNetworkPolicyViews.rules(policy, PolicyType.EGRESS, policy.egress(), evidence));
    }

    /** What {@code globalnetworkset.yaml.ftl} prints. */
    public record NetworkSetView(String name, java.util.List<NetworkPolicyView.KeyValue> labels,
                                 java.util.List<String> nets) {
    }

    /** What {@code tier.yaml.ftl} prints. */
    public record TierView(String name, String order, String defaultAction) {
    }

    static NetworkSetView of(CalicoNetworkSet set) {
        return new NetworkSetView(YamlStrings.scalar(set.name()), NetworkPolicyViews.keyValues(set.labels()),
                set.nets().stream().map(NetworkPolicyViews::cidr).toList());
    }

    static TierView tier() {
        return new TierView(YamlStrings.scalar(CalicoDialect.TIER), number(CalicoDialect.TIER_ORDER), "Deny");
    }

    private static String number(Double order) {
        return order == null ? null : new BigDecimal(Double.toString(order)).stripTrailingZeros().toPlainString();
    }
}
