package io.flowpol.templates.render;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.LabelRequirement;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.templates.render.NetworkPolicyView.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@link NetworkPolicyView}s: quotes every scalar, sorts maps, attaches rule evidence. */
final class NetworkPolicyViews {
    private NetworkPolicyViews() {
    }

    static NetworkPolicyView of(NetworkPolicy policy, EvidenceIndex evidence) {
        return new NetworkPolicyView(YamlStrings.scalar(policy.name()), YamlStrings.scalar(policy.namespace()),
                keyValues(policy.labels()), selector(policy.podSelector()),
                policy.policyTypes().stream().map(NetworkPolicyViews::policyType).toList(),
                rules(policy, PolicyType.INGRESS, policy.ingress(), evidence),
                rules(policy, PolicyType.EGRESS, policy.egress(), evidence));
    }

    static List<KeyValue> keyValues(Map<String, String> map) {
        List<KeyValue> out = new ArrayList<>();
        new TreeMap<>(map).forEach((k, v) -> out.add(new KeyValue(YamlStrings.scalar(k), YamlStrings.scalar(v))));
        return out;
    }

    static String policyType(PolicyType type) {
        return type == PolicyType.INGRESS ? "Ingress" : "Egress";
    }

    private static List<NetworkPolicyView.Rule> rules(NetworkPolicy policy, PolicyType direction,
                                                      List<NetworkPolicyRule> rules, EvidenceIndex evidence) {
        List<NetworkPolicyView.Rule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String comment = EvidenceText.ruleComment(
                    evidence.of(policy.namespace(), policy.name(), direction, i), evidence.inventory(), evidence.eniSets());
            NetworkPolicyRule rule = rules.get(i);
            out.add(new NetworkPolicyView.Rule(comment == null ? null : YamlStrings.comment(comment),
                    rule.peers().stream().map(NetworkPolicyViews::peer).toList(),
                    rule.ports().stream().map(NetworkPolicyViews::port).toList()));
        }
        return out;
    }

    private static NetworkPolicyView.Peer peer(NetworkPolicyPeer peer) {
        if (peer.ipBlock() != null) {
            return new NetworkPolicyView.Peer(null, null, new NetworkPolicyView.IpBlock(
                    cidr(peer.ipBlock().cidr()), peer.ipBlock().except().stream().map(NetworkPolicyViews::cidr).toList()));
        }
        return new NetworkPolicyView.Peer(peer.namespaceSelector() == null ? null : selector(peer.namespaceSelector()),
                peer.podSelector() == null ? null : selector(peer.podSelector()), null);
    }

    static String cidr(Cidr cidr) {
        return YamlStrings.scalar(cidr.toString());
    }

    static NetworkPolicyView.Selector selector(LabelSelector selector) {
        List<NetworkPolicyView.Expression> expressions = new ArrayList<>();
        for (LabelRequirement r : selector.matchExpressions()) {
            expressions.add(new NetworkPolicyView.Expression(YamlStrings.scalar(r.key()), operator(r.operator()),
                    r.values().stream().sorted().map(YamlStrings::scalar).toList()));
        }
        return new NetworkPolicyView.Selector(keyValues(selector.matchLabels()), expressions, selector.isEmpty());
    }

    private static String operator(LabelRequirement.Operator operator) {
        return switch (operator) {
            case IN -> "In";
            case NOT_IN -> "NotIn";
            case EXISTS -> "Exists";
            case DOES_NOT_EXIST -> "DoesNotExist";
        };
    }

    private static NetworkPolicyView.Port port(NetworkPolicyPort port) {
        String value = port.portName() != null ? YamlStrings.scalar(port.portName())
                : port.port() == 0 ? null : Integer.toString(port.port());
        return new NetworkPolicyView.Port(Protocol.name(port.protocol()), value,
                port.endPort() == 0 ? null : Integer.toString(port.endPort()));
    }
}
