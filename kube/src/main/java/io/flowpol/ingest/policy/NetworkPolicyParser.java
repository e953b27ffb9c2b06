package io.flowpol.ingest.policy;

import static io.flowpol.ingest.policy.YamlFields.array;
import static io.flowpol.ingest.policy.YamlFields.integer;
import static io.flowpol.ingest.policy.YamlFields.object;
import static io.flowpol.ingest.policy.YamlFields.selector;
import static io.flowpol.ingest.policy.YamlFields.stringMap;
import static io.flowpol.ingest.policy.YamlFields.text;
import static io.flowpol.ingest.policy.YamlFields.wrong;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code networking.k8s.io/v1} NetworkPolicy document into a {@link NetworkPolicy}, checking
 * what the API server's validation checks (NetworkPolicySpec in the Kubernetes API reference):
 * types, protocols TCP/UDP/SCTP, port ranges, ipBlock CIDRs, peers that are neither empty nor
 * an ipBlock combined with selectors. A namespace-less document is in {@code default}.
 */
final class NetworkPolicyParser {
    /** A container port name (Kubernetes IANA_SVC_NAME validation); a quoted number is not one. */
    private static final java.util.regex.Pattern SERVICE_NAME =
            java.util.regex.Pattern.compile("(?=.{1,15}$)(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private NetworkPolicyParser() {
    }

    static NetworkPolicy parse(SourceDocument doc) {
        JsonNode root = doc.node();
        JsonNode metadata = object(doc, root.get("metadata"), "metadata");
        String name = metadata == null ? null : text(doc, metadata.get("name"), "metadata.name");
        if (name == null) {
            throw wrong(doc, "metadata.name", "a policy name", "nothing");
        }
        String namespace = text(doc, metadata.get("namespace"), "metadata.namespace");
        JsonNode spec = object(doc, root.get("spec"), "spec");
        JsonNode empty = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        JsonNode s = spec == null ? empty : spec;
        // "podSelector:" with no value reads as an empty scalar; the API server takes it as {}.
        JsonNode podSelectorNode = s.get("podSelector");
        boolean emptyScalar = podSelectorNode != null && podSelectorNode.isTextual() && podSelectorNode.asText().isEmpty();
        LabelSelector podSelector = emptyScalar ? null : selector(doc, podSelectorNode, "spec.podSelector");
        List<PolicyType> types = new ArrayList<>();
        List<JsonNode> typeNodes = array(doc, s.get("policyTypes"), "spec.policyTypes");
        for (int i = 0; i < typeNodes.size(); i++) {
            String type = text(doc, typeNodes.get(i), "spec.policyTypes[" + i + "]");
            types.add(switch (type == null ? "" : type) {
                case "Ingress" -> PolicyType.INGRESS;
                case "Egress" -> PolicyType.EGRESS;
                default -> throw wrong(doc, "spec.policyTypes[" + i + "]", "Ingress or Egress", String.valueOf(type));
            });
        }
        return new NetworkPolicy(namespace == null || namespace.isEmpty() ? "default" : namespace, name,
                stringMap(doc, metadata.get("labels"), "metadata.labels"),
                stringMap(doc, metadata.get("annotations"), "metadata.annotations"),
                podSelector == null ? LabelSelector.ALL : podSelector, types,
                rules(doc, s.get("ingress"), "spec.ingress", "from"),
                rules(doc, s.get("egress"), "spec.egress", "to"));
    }

    private static List<NetworkPolicyRule> rules(SourceDocument doc, JsonNode node, String path, String peersField) {
        List<NetworkPolicyRule> rules = new ArrayList<>();
        List<JsonNode> nodes = array(doc, node, path);
        for (int i = 0; i < nodes.size(); i++) {
            String rulePath = path + "[" + i + "]";
            JsonNode rule = object(doc, nodes.get(i), rulePath);
            if (rule == null) {
                rules.add(new NetworkPolicyRule(List.of(), List.of()));
                continue;
            }
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            List<JsonNode> peerNodes = array(doc, rule.get(peersField), rulePath + "." + peersField);
            for (int j = 0; j < peerNodes.size(); j++) {
                peers.add(peer(doc, peerNodes.get(j), rulePath + "." + peersField + "[" + j + "]"));
            }
            List<NetworkPolicyPort> ports = new ArrayList<>();
            List<JsonNode> portNodes = array(doc, rule.get("ports"), rulePath + ".ports");
            for (int j = 0; j < portNodes.size(); j++) {
                ports.add(port(doc, portNodes.get(j), rulePath + ".ports[" + j + "]"));
            }
            rules.add(new NetworkPolicyRule(peers, ports));
        }
        return rules;
    }

    private static NetworkPolicyPeer peer(SourceDocument doc, JsonNode node, String path) {
        JsonNode peer = object(doc, node, path);
        if (peer == null) {
            throw wrong(doc, path, "a peer with podSelector, namespaceSelector or ipBlock", "nothing");
        }
        LabelSelector pods = selector(doc, peer.get("podSelector"), path + ".podSelector");
        LabelSelector namespaces = selector(doc, peer.get("namespaceSelector"), path + ".namespaceSelector");
        IpBlock block = ipBlock(doc, peer.get("ipBlock"), path + ".ipBlock");
        if (block != null && (pods != null || namespaces != null)) {
            throw wrong(doc, path, "ipBlock alone, or podSelector and/or namespaceSelector", "ipBlock with a selector");
        }
        if (block == null && pods == null && namespaces == null) {
            throw wrong(doc, path, "a peer with podSelector, namespaceSelector or ipBlock", "an empty peer");
        }
        return new NetworkPolicyPeer(pods, namespaces, block);
    }

    private static IpBlock ipBlock(SourceDocument doc, JsonNode node, String path) {
        JsonNode block = object(doc, node, path);
        if (block == null) {
            return null;
        }
        Cidr cidr = cidr(doc, block.get("cidr"), path + ".cidr");
        if (cidr == null) {
            throw wrong(doc, path + ".cidr", "a CIDR", "nothing");
        }
        List<Cidr> except = new ArrayList<>();
        List<JsonNode> nodes = array(doc, block.get("except"), path + ".except");
        for (int i = 0; i < nodes.size(); i++) {
            Cidr inner = cidr(doc, nodes.get(i), path + ".except[" + i + "]");
            if (inner == null || !cidr.contains(inner) || inner.equals(cidr)) {
                throw wrong(doc, path + ".except[" + i + "]", "a CIDR strictly inside " + cidr, YamlFields.describe(nodes.get(i)));
            }
            except.add(inner);
        }
        return new IpBlock(cidr, except);
    }

    private static Cidr cidr(SourceDocument doc, JsonNode node, String path) {
        String text = text(doc, node, path);
        if (text == null) {
            return null;
        }
        try {
            if (text.indexOf('/') < 0) {
                throw new IllegalArgumentException("no prefix length");
            }
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw wrong(doc, path, "a CIDR such as 10.0.0.0/16", text);
        }
    }

    private static NetworkPolicyPort port(SourceDocument doc, JsonNode node, String path) {
        JsonNode port = object(doc, node, path);
        if (port == null) {
            return new NetworkPolicyPort(Protocol.TCP, 0, null, 0);
        }
        String protocolText = text(doc, port.get("protocol"), path + ".protocol");
        int protocol = protocolText == null ? Protocol.TCP : Protocol.parse(protocolText);
        if (protocol != Protocol.TCP && protocol != Protocol.UDP && protocol != Protocol.SCTP) {
            throw wrong(doc, path + ".protocol", "TCP, UDP or SCTP", protocolText);
        }
        JsonNode value = port.get("port");
        int endPort = integer(doc, port.get("endPort"), path + ".endPort", 0);
        if (!YamlFields.absent(value) && value.isTextual()) {
            if (endPort != 0) {
                throw wrong(doc, path + ".endPort", "no endPort with a named port", Integer.toString(endPort));
            }
            if (!SERVICE_NAME.matcher(value.asText()).matches() || value.asText().contains("--")) {
                throw wrong(doc, path + ".port", "a port number (unquoted) or a port name (IANA_SVC_NAME: at most 15"
                        + " lowercase letters, digits and '-', with a letter)", value.asText());
            }
            return NetworkPolicyPort.named(protocol, value.asText());
        }
        if (!YamlFields.absent(value) && !value.isIntegralNumber()) {
            throw wrong(doc, path + ".port", "a port 1-65535 or a port name", value);
        }
        int number = integer(doc, value, path + ".port", 0);
        if (YamlFields.absent(value) ? endPort != 0 : number < 1 || number > 65535) {
            throw wrong(doc, path + ".port", "a port 1-65535 or a port name", YamlFields.describe(value));
        }
        if (endPort != 0 && (endPort < number || endPort > 65535)) {
            throw wrong(doc, path + ".endPort", "a port from " + number + " to 65535", Integer.toString(endPort));
        }
        return new NetworkPolicyPort(protocol, number, null, endPort);
    }
}
