package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes {@code networking.k8s.io/v1} NetworkPolicy semantics, per the API reference
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/): which pods a
 * policy selects, which directions it governs, and which rule allows a connection. Stateless.
 */
public final class NetworkPolicyMatcher {
    /** Set by the API server on every namespace since Kubernetes 1.21 (DESIGN.md fact 9). */
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    /** True for a pod of the policy's namespace that the podSelector matches. */
    public boolean selects(NetworkPolicy policy, EvalEndpoint endpoint) {
        return endpoint.pod()
                && policy.namespace().equals(endpoint.namespace())
                && policy.podSelector().matches(endpoint.labels());
    }

    /**
     * policyTypes defaulting: when the document omits it, a policy governs Ingress always and
     * Egress only when it has egress rules (NetworkPolicySpec.policyTypes, API reference).
     */
    public boolean governs(NetworkPolicy policy, PolicyType direction) {
        if (!policy.policyTypes().isEmpty()) {
            return policy.policyTypes().contains(direction);
        }
        return direction == PolicyType.INGRESS || !policy.egress().isEmpty();
    }

    /**
     * Index of the first rule of {@code direction} allowing the connection, or -1. The peer is
     * the source for ingress and the destination for egress; ports are always the
     * destination's, so named ports resolve against the destination pod (DESIGN.md fact 9).
     */
    public int firstMatchingRule(NetworkPolicy policy, PolicyType direction, Connection connection) {
        List<NetworkPolicyRule> rules = direction == PolicyType.INGRESS ? policy.ingress() : policy.egress();
        EvalEndpoint peer = direction == PolicyType.INGRESS ? connection.source() : connection.destination();
        for (int i = 0; i < rules.size(); i++) {
            NetworkPolicyRule rule = rules.get(i);
            if (peersMatch(policy, rule.peers(), peer)
                    && portsMatch(rule.ports(), connection.destination(), connection.protocol(), connection.port())) {
                return i;
            }
        }
        return -1;
    }

    /** Peers are OR-ed; an empty list means every peer, pods and addresses alike. */
    boolean peersMatch(NetworkPolicy policy, List<NetworkPolicyPeer> peers, EvalEndpoint endpoint) {
        if (peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peerMatches(policy, peer, endpoint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * podSelector alone: pods of the policy's namespace; namespaceSelector alone: every pod of
     * the matching namespaces; both: AND. An ipBlock matches by address, a pod's too when its
     * address is known (Calico enforces it that way; the API leaves pod IPs in ipBlocks
     * implementation-defined).
     */
    boolean peerMatches(NetworkPolicy policy, NetworkPolicyPeer peer, EvalEndpoint endpoint) {
        if (peer.ipBlock() != null) {
            return ipBlockMatches(peer.ipBlock(), endpoint);
        }
        if (!endpoint.pod()) {
            return false;
        }
        LabelSelector pods = peer.podSelector() == null ? LabelSelector.ALL : peer.podSelector();
        if (peer.namespaceSelector() == null) {
            return policy.namespace().equals(endpoint.namespace()) && pods.matches(endpoint.labels());
        }
        return peer.namespaceSelector().matches(namespaceLabels(endpoint)) && pods.matches(endpoint.labels());
    }

    static boolean ipBlockMatches(IpBlock block, EvalEndpoint endpoint) {
        if (endpoint.ip() == null || !block.cidr().contains(endpoint.ip())) {
            return false;
        }
        for (Cidr except : block.except()) {
            if (except.contains(endpoint.ip())) {
                return false;
            }
        }
        return true;
    }

    /** Ports are OR-ed; an empty list means every port of every protocol. */
    boolean portsMatch(List<NetworkPolicyPort> ports, EvalEndpoint destination, int protocol, int port) {
        if (ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            if (portMatches(p, destination, protocol, port)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A named port matches when the destination pod declares a container port of that name
     * and protocol with this number; an unresolved name allows nothing.
     */
    boolean portMatches(NetworkPolicyPort rulePort, EvalEndpoint destination, int protocol, int port) {
        if (rulePort.protocol() != protocol) {
            return false;
        }
        if (rulePort.portName() != null) {
            for (ContainerPort declared : destination.ports()) {
                if (rulePort.portName().equals(declared.name())
                        && declared.protocol() == protocol && declared.port() == port) {
                    return true;
                }
            }
            return false;
        }
        if (rulePort.port() == 0) {
            return true;
        }
        int last = rulePort.endPort() == 0 ? rulePort.port() : rulePort.endPort();
        return port >= rulePort.port() && port <= last;
    }

    static Map<String, String> namespaceLabels(EvalEndpoint endpoint) {
        if (endpoint.namespaceLabels().containsKey(NAMESPACE_NAME_LABEL)) {
            return endpoint.namespaceLabels();
        }
        Map<String, String> labels = new HashMap<>(endpoint.namespaceLabels());
        labels.put(NAMESPACE_NAME_LABEL, endpoint.namespace());
        return labels;
    }
}
