package io.flowpol.inference.evaluate;

import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * One NetworkPolicy prepared for replaying many connections: the same answer as
 * {@link NetworkPolicyMatcher#firstMatchingRule} (the linear reference), found without scanning
 * every ipBlock peer. The ipBlocks of each direction are indexed by address
 * ({@link AddressRuleIndex}); rules with no peers or with selector peers stay candidates for
 * every connection and have only their selector peers checked. Candidates are visited in rule
 * order, so the first rule whose peers and ports match is the one the linear scan would report.
 */
final class IndexedNetworkPolicy {
    private final NetworkPolicy policy;
    private final Direction ingress;
    private final Direction egress;

    IndexedNetworkPolicy(NetworkPolicy policy) {
        this.policy = policy;
        this.ingress = new Direction(policy.ingress());
        this.egress = new Direction(policy.egress());
    }

    NetworkPolicy policy() {
        return policy;
    }

    /** Index of the first rule of {@code direction} allowing the connection, or -1. */
    int firstMatchingRule(NetworkPolicyMatcher matcher, PolicyType direction, Connection connection) {
        Direction d = direction == PolicyType.INGRESS ? ingress : egress;
        EvalEndpoint peer = direction == PolicyType.INGRESS ? connection.source() : connection.destination();
        int[] byAddress = d.addresses.rulesContaining(peer.ip());
        int[] always = d.alwaysCandidates;
        int a = 0;
        int b = 0;
        // Merge two ascending index lists: the first match in rule order wins.
        while (a < byAddress.length || b < always.length) {
            int rule;
            boolean peerMatched;
            if (b >= always.length || (a < byAddress.length && byAddress[a] < always[b])) {
                rule = byAddress[a++];
                peerMatched = true;
            } else if (a < byAddress.length && byAddress[a] == always[b]) {
                rule = byAddress[a++];
                b++;
                peerMatched = true;
            } else {
                rule = always[b++];
                peerMatched = d.rules.get(rule).peers().isEmpty()
                        || selectorPeerMatches(matcher, d.selectorPeers.get(rule), peer);
            }
            if (peerMatched && matcher.portsMatch(d.rules.get(rule).ports(), connection.destination(),
                    connection.protocol(), connection.port())) {
                return rule;
            }
        }
        return -1;
    }

    /**
     * The rules of {@code direction} whose peers match {@code peer}, ascending. The peer does not
     * change between the port probes of one listing, so the listing matches peers once and then
     * checks only ports ({@link #portsAllow}).
     */
    int[] rulesMatchingPeer(NetworkPolicyMatcher matcher, PolicyType direction, EvalEndpoint peer) {
        Direction d = direction == PolicyType.INGRESS ? ingress : egress;
        int[] byAddress = d.addresses.rulesContaining(peer.ip());
        int[] always = d.alwaysCandidates;
        int[] out = new int[byAddress.length + always.length];
        int n = 0;
        int a = 0;
        int b = 0;
        while (a < byAddress.length || b < always.length) {
            if (b >= always.length || (a < byAddress.length && byAddress[a] < always[b])) {
                out[n++] = byAddress[a++];
            } else if (a < byAddress.length && byAddress[a] == always[b]) {
                out[n++] = byAddress[a++];
                b++;
            } else {
                int rule = always[b++];
                if (d.rules.get(rule).peers().isEmpty() || selectorPeerMatches(matcher, d.selectorPeers.get(rule), peer)) {
                    out[n++] = rule;
                }
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** True when one of {@code rules} (peers already matched) allows the connection's destination port. */
    boolean portsAllow(NetworkPolicyMatcher matcher, PolicyType direction, int[] rules, Connection connection) {
        Direction d = direction == PolicyType.INGRESS ? ingress : egress;
        for (int rule : rules) {
            if (matcher.portsMatch(d.rules.get(rule).ports(), connection.destination(), connection.protocol(),
                    connection.port())) {
                return true;
            }
        }
        return false;
    }

    private boolean selectorPeerMatches(NetworkPolicyMatcher matcher, List<NetworkPolicyPeer> peers, EvalEndpoint endpoint) {
        for (NetworkPolicyPeer peer : peers) {
            if (matcher.peerMatches(policy, peer, endpoint)) {
                return true;
            }
        }
        return false;
    }

    /** One direction's rules: the address index, and the rules every connection must consider. */
    private static final class Direction {
        final List<NetworkPolicyRule> rules;
        final AddressRuleIndex addresses;
        /** Ascending: rules with no peers (match every peer) or with at least one selector peer. */
        final int[] alwaysCandidates;
        /** Per rule, its podSelector/namespaceSelector peers (ipBlock peers are in the index). */
        final List<List<NetworkPolicyPeer>> selectorPeers = new ArrayList<>();

        Direction(List<NetworkPolicyRule> rules) {
            this.rules = rules;
            AddressRuleIndex.Builder builder = new AddressRuleIndex.Builder();
            List<Integer> always = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                List<NetworkPolicyPeer> selectors = new ArrayList<>();
                for (NetworkPolicyPeer peer : rules.get(i).peers()) {
                    if (peer.ipBlock() != null) {
                        builder.add(i, peer.ipBlock());
                    } else {
                        selectors.add(peer);
                    }
                }
                selectorPeers.add(List.copyOf(selectors));
                if (rules.get(i).peers().isEmpty() || !selectors.isEmpty()) {
                    always.add(i);
                }
            }
            this.addresses = builder.build();
            this.alwaysCandidates = always.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
