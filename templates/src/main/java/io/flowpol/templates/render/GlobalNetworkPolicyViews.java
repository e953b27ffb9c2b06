package io.flowpol.templates.render;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.PolicyType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds {@link GlobalNetworkPolicyView}s from Calico policies; Calico action and type names as in the CRD. */
final class GlobalNetworkPolicyViews {
    private GlobalNetworkPolicyViews() {
    }

    static GlobalNetworkPolicyView of(CalicoPolicy policy, EvidenceIndex evidence) {
        return new GlobalNetworkPolicyView(YamlStrings.scalar(policy.name()),
                NetworkPolicyViews.keyValues(Map.of("app.kubernetes.io/managed-by", "flowpol")),
                YamlStrings.scalar(policy.tier()),
                policy.order() == null ? null : new BigDecimal(Double.toString(policy.order())).stripTrailingZeros().toPlainString(),
                policy.selector() == null ? null : YamlStrings.quoted(policy.selector()),
                policy.types().stream().map(NetworkPolicyViews::policyType).toList(),
                rules(policy, PolicyType.INGRESS, policy.ingress(), evidence),
                rules(policy, PolicyType.EGRESS, policy.egress(), evidence));
    }

    static List<GlobalNetworkPolicyView.Rule> rules(CalicoPolicy policy, PolicyType direction,
                                                            List<CalicoRule> rules, EvidenceIndex evidence) {
        List<GlobalNetworkPolicyView.Rule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            CalicoRule rule = rules.get(i);
            String comment = EvidenceText.ruleComment(
                    evidence.of(policy.namespace(), policy.name(), direction, i), evidence.inventory(), evidence.eniSets());
            out.add(new GlobalNetworkPolicyView.Rule(comment == null ? null : YamlStrings.comment(comment),
                    action(rule.action()), protocol(rule.protocol()),
                    rule.ipVersion() == null ? null : rule.ipVersion().toString(),
                    entity(rule.source()), entity(rule.destination())));
        }
        return out;
    }

    /**
     * A Calico protocol name, or a protocol number as a YAML integer (GRE is {@code 47}): Calico
     * takes a string only as one of its names (TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite).
     */
    private static String protocol(String protocol) {
        if (protocol == null) {
            return null;
        }
        return protocol.chars().allMatch(c -> c >= '0' && c <= '9') && !protocol.isEmpty()
                ? Integer.toString(Integer.parseInt(protocol)) : YamlStrings.scalar(protocol);
    }

    private static String action(CalicoRule.CalicoAction action) {
        return switch (action) {
            case ALLOW -> "Allow";
            case DENY -> "Deny";
            case PASS -> "Pass";
            case LOG -> "Log";
        };
    }

    private static GlobalNetworkPolicyView.Entity entity(CalicoEntityRule rule) {
        if (rule == null || rule.equals(CalicoEntityRule.ANY)) {
            return null;
        }
        return new GlobalNetworkPolicyView.Entity(quoted(rule.selector()), quoted(rule.notSelector()),
                quoted(rule.namespaceSelector()), cidrs(rule.nets()), cidrs(rule.notNets()),
                ports(rule.ports()), ports(rule.notPorts()));
    }

    private static String quoted(String selector) {
        return selector == null ? null : YamlStrings.quoted(selector);
    }

    private static List<String> cidrs(List<Cidr> cidrs) {
        return cidrs.stream().map(NetworkPolicyViews::cidr).toList();
    }

    /** A number, a quoted {@code first:last} range, or a named port (Calico Port syntax). */
    private static List<String> ports(List<CalicoPort> ports) {
        return ports.stream().map(p -> p.name() != null ? YamlStrings.scalar(p.name())
                : p.first() == p.last() ? Integer.toString(p.first())
                : YamlStrings.quoted(p.first() + ":" + p.last())).toList();
    }
}
