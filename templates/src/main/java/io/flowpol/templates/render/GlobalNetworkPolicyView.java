package io.flowpol.templates.render;

import java.util.List;

/**
 * What {@code globalnetworkpolicy.yaml.ftl} prints: one Calico {@code projectcalico.org/v3}
 * GlobalNetworkPolicy, scalars already YAML-quoted, absent parts null or empty.
 */
public record GlobalNetworkPolicyView(String name, List<NetworkPolicyView.KeyValue> labels, String tier,
                                      String order, String selector, List<String> types,
                                      List<Rule> ingress, List<Rule> egress) {

    public GlobalNetworkPolicyView {
        labels = List.copyOf(labels);
        types = List.copyOf(types);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** One rule; {@code comment} null when the rule has no observed evidence (a guard). */
    public record Rule(String comment, String action, String protocol, String ipVersion, Entity source,
                       Entity destination) {
    }

    /** A rule's source or destination; null when it matches everything. */
    public record Entity(String selector, String notSelector, String namespaceSelector, List<String> nets,
                         List<String> notNets, List<String> ports, List<String> notPorts) {
        public Entity {
            nets = List.copyOf(nets);
            notNets = List.copyOf(notNets);
            ports = List.copyOf(ports);
            notPorts = List.copyOf(notPorts);
        }
    }
}
