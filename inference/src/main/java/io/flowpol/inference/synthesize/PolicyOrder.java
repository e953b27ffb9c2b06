package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import java.util.Comparator;
import java.util.List;

/**
 * The one order of peers, peer groups and ports in generated policies, so that the same
 * input always renders the same bytes: selector peers (by namespace, then pod labels)
 * before address blocks (by address); ports by protocol, then number, then name.
 */
final class PolicyOrder {
    static final Comparator<LabelSelector> SELECTORS = Comparator.nullsFirst(
            Comparator.comparing(PolicyOrder::selectorText));

    static final Comparator<NetworkPolicyPeer> PEERS = Comparator
            .comparing((NetworkPolicyPeer p) -> p.ipBlock() != null)
            .thenComparing(NetworkPolicyPeer::namespaceSelector, SELECTORS)
            .thenComparing(NetworkPolicyPeer::podSelector, SELECTORS)
            .thenComparing(p -> p.ipBlock() == null ? null : p.ipBlock().cidr(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));

    static final Comparator<List<NetworkPolicyPeer>> PEER_GROUPS = PolicyOrder::compareGroups;

    static final Comparator<NetworkPolicyPort> PORTS = Comparator
            .comparingInt(NetworkPolicyPort::protocol)
            .thenComparingInt(NetworkPolicyPort::port)
            .thenComparing(NetworkPolicyPort::portName, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(NetworkPolicyPort::endPort);

    private PolicyOrder() {
    }

    /** matchLabels are already sorted (LabelSelector keeps a TreeMap); expressions in given order. */
    static String selectorText(LabelSelector selector) {
        StringBuilder out = new StringBuilder();
        selector.matchLabels().forEach((k, v) -> out.append(k).append('=').append(v).append(','));
        selector.matchExpressions().forEach(r -> out.append(r.key()).append(' ').append(r.operator())
                .append(' ').append(r.values()).append(','));
        return out.toString();
    }

    private static int compareGroups(List<NetworkPolicyPeer> a, List<NetworkPolicyPeer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = PEERS.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
