package io.flowpol.templates.render;

import java.util.List;

/**
 * What {@code networkpolicy.yaml.ftl} prints: one Kubernetes NetworkPolicy, every list
 * sorted and every scalar already YAML-quoted ({@link YamlStrings}). Absent parts are null.
 */
public record NetworkPolicyView(String name, String namespace, List<KeyValue> labels, Selector podSelector,
                                List<String> policyTypes, List<Rule> ingress, List<Rule> egress) {

    public NetworkPolicyView {
        labels = List.copyOf(labels);
        policyTypes = List.copyOf(policyTypes);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** A quoted label or matchLabels entry. */
    public record KeyValue(String key, String value) {
    }

    /** A label selector; both lists empty means {@code {}}, every pod. */
    public record Selector(List<KeyValue> matchLabels, List<Expression> matchExpressions, boolean empty) {
        public Selector {
            matchLabels = List.copyOf(matchLabels);
            matchExpressions = List.copyOf(matchExpressions);
        }
    }

    /** A matchExpressions entry; {@code values} empty for Exists and DoesNotExist. */
    public record Expression(String key, String operator, List<String> values) {
        public Expression {
            values = List.copyOf(values);
        }
    }

    /** A rule with the evidence comment ({@code 42 connections, first ..., last ...}); null comment for none. */
    public record Rule(String comment, List<Peer> peers, List<Port> ports) {
        public Rule {
            peers = List.copyOf(peers);
            ports = List.copyOf(ports);
        }
    }

    /** Either {@code ipBlock}, or one or both selectors. */
    public record Peer(Selector namespaceSelector, Selector podSelector, IpBlock ipBlock) {
    }

    public record IpBlock(String cidr, List<String> except) {
        public IpBlock {
            except = List.copyOf(except);
        }
    }

    /** {@code port} a number or a quoted name, null for every port; {@code endPort} null when no range. */
    public record Port(String protocol, String port, String endPort) {
    }
}
