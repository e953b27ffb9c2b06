package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoNetworkSet;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Kubernetes NetworkPolicy rule as Calico {@code Allow} rules with the same meaning. A
 * Kubernetes rule ORs its peers and its ports; a Calico rule ANDs its parts and has one protocol,
 * so the rule becomes one Calico rule per peer and protocol: pod and namespace selectors as Calico
 * selectors ({@code namespaceSelector}, scoped like Kubernetes: a selector alone stays in the
 * policy's namespace), in-VPC blocks (and any block with {@code except}) as {@code nets} /
 * {@code notNets}, external blocks as one GlobalNetworkSet per rule, named ports as named ports.
 * Ports go on the destination: the peer for egress, the selected pod itself for ingress.
 */
final class CalicoRuleTranslator {
    private final List<Cidr> vpc;
    private final CalicoNetworkSets networkSets;

    CalicoRuleTranslator(List<Cidr> vpc, CalicoNetworkSets networkSets) {
        this.vpc = List.copyOf(vpc);
        this.networkSets = networkSets;
    }

    List<CalicoRule> translate(NetworkPolicyRule rule, PolicyType direction) {
        List<CalicoEntityRule> peers = peers(rule.peers());
        List<CalicoRule> out = new ArrayList<>();
        for (CalicoEntityRule peer : peers) {
            for (Map.Entry<Integer, List<CalicoPort>> group : byProtocol(rule.ports()).entrySet()) {
                Integer protocol = group.getKey();
                CalicoEntityRule ports = new CalicoEntityRule(null, null, null, null, null, null, group.getValue(), null);
                out.add(direction == PolicyType.INGRESS
                        ? new CalicoRule(CalicoAction.ALLOW, protocolName(protocol), null, null, peer, ports)
                        : new CalicoRule(CalicoAction.ALLOW, protocolName(protocol), null, null, null,
                                withPorts(peer, group.getValue())));
            }
        }
        return out;
    }

    /** The entities for a rule's peers; every peer (ANY) when there is none. */
    List<CalicoEntityRule> peers(List<NetworkPolicyPeer> peers) {
        if (peers.isEmpty()) {
            return List.of(CalicoEntityRule.ANY);
        }
        List<CalicoEntityRule> out = new ArrayList<>();
        List<Cidr> external = new ArrayList<>();
        for (NetworkPolicyPeer peer : peers) {
            if (peer.ipBlock() == null) {
                out.add(new CalicoEntityRule(
                        peer.podSelector() == null ? null : CalicoSelectors.labels(peer.podSelector()), null,
                        peer.namespaceSelector() == null ? null : CalicoSelectors.labels(peer.namespaceSelector()),
                        null, null, null, null, null));
            } else if (!peer.ipBlock().except().isEmpty() || inVpc(peer.ipBlock().cidr())) {
                out.add(new CalicoEntityRule(null, null, null, null, List.of(peer.ipBlock().cidr()),
                        peer.ipBlock().except(), null, null));
            } else {
                external.add(peer.ipBlock().cidr());
            }
        }
        if (!external.isEmpty()) {
            CalicoNetworkSet set = networkSets.of(external);
            out.add(new CalicoEntityRule(CalicoNetworkSets.selector(set), null, "global()", null, null, null, null, null));
        }
        return out;
    }

    private boolean inVpc(Cidr cidr) {
        for (Cidr block : vpc) {
            if (block.contains(cidr)) {
                return true;
            }
        }
        return false;
    }

    private static CalicoEntityRule withPorts(CalicoEntityRule peer, List<CalicoPort> ports) {
        return new CalicoEntityRule(peer.selector(), peer.notSelector(), peer.namespaceSelector(),
                peer.serviceAccountSelector(), peer.nets(), peer.notNets(), ports, peer.notPorts());
    }

    /**
     * Ports by protocol in the rule's order; a protocol with an every-port entry gets no port
     * list; no ports at all is one group of every protocol (key null), as in Kubernetes.
     */
    private static Map<Integer, List<CalicoPort>> byProtocol(List<NetworkPolicyPort> ports) {
        Map<Integer, List<CalicoPort>> out = new LinkedHashMap<>();
        if (ports.isEmpty()) {
            out.put(null, List.of());
            return out;
        }
        Map<Integer, Boolean> everyPort = new LinkedHashMap<>();
        for (NetworkPolicyPort port : ports) {
            List<CalicoPort> list = out.computeIfAbsent(port.protocol(), k -> new ArrayList<>());
            if (port.portName() != null) {
                list.add(new CalicoPort(0, 0, port.portName()));
            } else if (port.port() == 0) {
                everyPort.put(port.protocol(), true);
            } else {
                list.add(new CalicoPort(port.port(), port.endPort() == 0 ? port.port() : port.endPort(), null));
            }
        }
        everyPort.keySet().forEach(p -> out.put(p, List.of()));
        return out;
    }

    private static String protocolName(Integer protocol) {
        return protocol == null ? null : Protocol.name(protocol);
    }
}
