package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects the edges of one direction of one policy into rules: one rule per distinct peer
 * group (after mapping, so externals widened into the same block share a rule), with the
 * union of its ports, duplicates merged and everything sorted.
 */
final class RuleGrouper {
    private final Map<List<NetworkPolicyPeer>, Group> groups = new TreeMap<>(PolicyOrder.PEER_GROUPS);

    private static final class Group {
        final TreeSet<NetworkPolicyPort> ports = new TreeSet<>(PolicyOrder.PORTS);
        final List<Edge> edges = new ArrayList<>();
    }

    void add(List<NetworkPolicyPeer> peers, NetworkPolicyPort port, Edge edge) {
        List<NetworkPolicyPeer> key = peers.stream().sorted(PolicyOrder.PEERS).distinct().toList();
        Group group = groups.computeIfAbsent(key, k -> new Group());
        group.ports.add(port);
        group.edges.add(edge);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    List<NetworkPolicyRule> rules() {
        List<NetworkPolicyRule> rules = new ArrayList<>();
        groups.forEach((peers, group) -> rules.add(new NetworkPolicyRule(peers, List.copyOf(group.ports))));
        return rules;
    }

    /** Evidence for each rule, in the order of {@link #rules()}. */
    List<RuleEvidence> evidence(String namespace, String policy, PolicyType direction) {
        List<RuleEvidence> out = new ArrayList<>();
        int index = 0;
        for (Group group : groups.values()) {
            List<Edge> edges = group.edges.stream().sorted().toList();
            out.add(new RuleEvidence(namespace, policy, direction, index++, edges));
        }
        return out;
    }
}
