package io.flowpol.ingest.policy;

import static io.flowpol.ingest.policy.YamlFields.array;
import static io.flowpol.ingest.policy.YamlFields.integer;
import static io.flowpol.ingest.policy.YamlFields.object;
import static io.flowpol.ingest.policy.YamlFields.selector;
import static io.flowpol.ingest.policy.YamlFields.text;
import static io.flowpol.ingest.policy.YamlFields.wrong;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.AdminNetworkPolicy;
import io.flowpol.inference.policy.AdminPort;
import io.flowpol.inference.policy.AdminRule;
import io.flowpol.inference.policy.AdminSubject;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code policy.networking.k8s.io/v1alpha1} AdminNetworkPolicy or BaselineAdminNetworkPolicy
 * document into an {@link AdminNetworkPolicy}, checking what the CRD's validation checks
 * (https://network-policy-api.sigs.k8s.io/reference/spec/): priority 0-1000, exactly one of
 * {@code namespaces}/{@code pods} in a subject and one field per peer and per port, at least
 * one peer per rule, actions Allow/Deny/Pass (no Pass in the baseline), the baseline named
 * {@code default}, port ranges within 1-65535 and CIDRs that parse.
 */
final class AdminPolicyParser {
    static final String API = "policy.networking.k8s.io/v1alpha1";
    static final String ADMIN = "AdminNetworkPolicy";
    static final String BASELINE = "BaselineAdminNetworkPolicy";

    private AdminPolicyParser() {
    }

    static AdminNetworkPolicy parse(SourceDocument doc) {
        boolean baseline = BASELINE.equals(doc.kind());
        JsonNode root = doc.node();
        JsonNode metadata = object(doc, root.get("metadata"), "metadata");
        String name = metadata == null ? null : text(doc, metadata.get("name"), "metadata.name");
        if (name == null) {
            throw wrong(doc, "metadata.name", "a policy name", "nothing");
        }
        if (baseline && !name.equals("default")) {
            throw wrong(doc, "metadata.name", "default (the cluster's one BaselineAdminNetworkPolicy)", name);
        }
        JsonNode spec = object(doc, root.get("spec"), "spec");
        if (spec == null) {
            throw wrong(doc, "spec", "a spec with subject", "nothing");
        }
        int priority = 0;
        if (!baseline) {
            JsonNode value = spec.get("priority");
            if (YamlFields.absent(value) || !value.isIntegralNumber()) {
                throw wrong(doc, "spec.priority", "a priority 0-1000", YamlFields.describe(value));
            }
            priority = integer(doc, value, "spec.priority", 0);
            if (priority < 0 || priority > 1000) {
                throw wrong(doc, "spec.priority", "a priority 0-1000", Integer.toString(priority));
            }
        }
        AdminSubject subject = subject(doc, spec.get("subject"), "spec.subject", "subject");
        if (subject == null) {
            throw wrong(doc, "spec.subject", "exactly one of namespaces or pods", "nothing");
        }
        return new AdminNetworkPolicy(baseline, name, priority, subject,
                rules(doc, baseline, spec.get("ingress"), "spec.ingress", "from"),
                rules(doc, baseline, spec.get("egress"), "spec.egress", "to"));
    }

    /** A subject or a pod peer: {@code namespaces} (a selector) or {@code pods} (namespaceSelector and podSelector). */
    private static AdminSubject subject(SourceDocument doc, JsonNode node, String path, String what) {
        JsonNode map = object(doc, node, path);
        if (map == null) {
            return null;
        }
        LabelSelector namespaces = selector(doc, map.get("namespaces"), path + ".namespaces");
        JsonNode pods = object(doc, map.get("pods"), path + ".pods");
        if ((namespaces == null) == (pods == null)) {
            throw wrong(doc, path, "exactly one of namespaces or pods in a " + what,
                    namespaces == null ? "neither" : "both");
        }
        if (namespaces != null) {
            return new AdminSubject(namespaces, null);
        }
        // An absent selector selects everything, as {} does (upstream netpol-analyzer reads it so).
        LabelSelector inNamespaces = selector(doc, pods.get("namespaceSelector"), path + ".pods.namespaceSelector");
        LabelSelector podSelector = selector(doc, pods.get("podSelector"), path + ".pods.podSelector");
        return new AdminSubject(inNamespaces == null ? LabelSelector.ALL : inNamespaces,
                podSelector == null ? LabelSelector.ALL : podSelector);
    }

    private static List<AdminRule> rules(SourceDocument doc, boolean baseline, JsonNode node, String path, String peersField) {
        List<AdminRule> rules = new ArrayList<>();
        List<JsonNode> nodes = array(doc, node, path);
        for (int i = 0; i < nodes.size(); i++) {
            String rulePath = path + "[" + i + "]";
            JsonNode rule = object(doc, nodes.get(i), rulePath);
            if (rule == null) {
                throw wrong(doc, rulePath, "a rule with action and " + peersField, "nothing");
            }
            String actionText = text(doc, rule.get("action"), rulePath + ".action");
            AdminRule.AdminAction action = switch (actionText == null ? "" : actionText) {
                case "Allow" -> AdminRule.AdminAction.ALLOW;
                case "Deny" -> AdminRule.AdminAction.DENY;
                case "Pass" -> baseline ? null : AdminRule.AdminAction.PASS;
                default -> null;
            };
            if (action == null) {
                throw wrong(doc, rulePath + ".action", baseline ? "Allow or Deny" : "Allow, Deny or Pass", String.valueOf(actionText));
            }
            List<AdminSubject> pods = new ArrayList<>();
            List<Cidr> networks = new ArrayList<>();
            boolean nodePeers = false;
            List<JsonNode> peers = array(doc, rule.get(peersField), rulePath + "." + peersField);
            if (peers.isEmpty()) {
                throw wrong(doc, rulePath + "." + peersField, "at least one peer", "none");
            }
            for (int j = 0; j < peers.size(); j++) {
                String peerPath = rulePath + "." + peersField + "[" + j + "]";
                JsonNode peer = object(doc, peers.get(j), peerPath);
                if (peer == null) {
                    throw wrong(doc, peerPath, "exactly one of namespaces, pods, networks or nodes", "nothing");
                }
                int fields = peer.size();
                if (peer.has("networks") && fields == 1 && peersField.equals("to")) {
                    List<JsonNode> cidrs = array(doc, peer.get("networks"), peerPath + ".networks");
                    for (int k = 0; k < cidrs.size(); k++) {
                        networks.add(cidr(doc, cidrs.get(k), peerPath + ".networks[" + k + "]"));
                    }
                } else if (peer.has("nodes") && fields == 1 && peersField.equals("to")) {
                    selector(doc, peer.get("nodes"), peerPath + ".nodes");
                    nodePeers = true;
                } else {
                    pods.add(subject(doc, peer, peerPath, "rule peer"));
                }
            }
            List<AdminPort> ports = new ArrayList<>();
            List<JsonNode> portNodes = array(doc, rule.get("ports"), rulePath + ".ports");
            for (int j = 0; j < portNodes.size(); j++) {
                ports.add(port(doc, portNodes.get(j), rulePath + ".ports[" + j + "]"));
            }
            rules.add(new AdminRule(text(doc, rule.get("name"), rulePath + ".name"), action, pods, networks, nodePeers, ports));
        }
        return rules;
    }

    private static AdminPort port(SourceDocument doc, JsonNode node, String path) {
        JsonNode port = object(doc, node, path);
        if (port == null || port.size() != 1) {
            throw wrong(doc, path, "exactly one of portNumber, portRange or namedPort", port == null ? "nothing"
                    : port.size() + " fields");
        }
        if (port.has("namedPort")) {
            String name = text(doc, port.get("namedPort"), path + ".namedPort");
            if (name == null || name.isEmpty()) {
                throw wrong(doc, path + ".namedPort", "a port name", "nothing");
            }
            return AdminPort.named(name);
        }
        boolean range = port.has("portRange");
        String field = range ? "portRange" : "portNumber";
        JsonNode value = object(doc, port.get(field), path + "." + field);
        if (value == null) {
            throw wrong(doc, path, "exactly one of portNumber, portRange or namedPort", "nothing");
        }
        String protocolText = text(doc, value.get("protocol"), path + "." + field + ".protocol");
        int protocol = protocolText == null ? Protocol.TCP : Protocol.parse(protocolText);
        if (protocol != Protocol.TCP && protocol != Protocol.UDP && protocol != Protocol.SCTP) {
            throw wrong(doc, path + "." + field + ".protocol", "TCP, UDP or SCTP", protocolText);
        }
        if (!range) {
            int number = integer(doc, value.get("port"), path + ".portNumber.port", 0);
            if (number < 1 || number > 65535) {
                throw wrong(doc, path + ".portNumber.port", "a port 1-65535", YamlFields.describe(value.get("port")));
            }
            return new AdminPort(protocol, number, number, null);
        }
        int start = integer(doc, value.get("start"), path + ".portRange.start", 0);
        int end = integer(doc, value.get("end"), path + ".portRange.end", 0);
        if (start < 1 || start > 65535 || end < start || end > 65535) {
            throw wrong(doc, path + ".portRange", "start and end in 1-65535 with end not below start", start + "-" + end);
        }
        return new AdminPort(protocol, start, end, null);
    }

    private static Cidr cidr(SourceDocument doc, JsonNode node, String path) {
        String text = text(doc, node, path);
        try {
            if (text == null || text.indexOf('/') < 0) {
                throw new IllegalArgumentException("no prefix length");
            }
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw wrong(doc, path, "a CIDR such as 10.0.0.0/16", String.valueOf(text));
        }
    }
}
