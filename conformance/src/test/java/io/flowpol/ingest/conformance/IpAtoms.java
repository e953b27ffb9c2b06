package io.flowpol.ingest.conformance;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * netpol-analyzer's external peers (conformance/netpol-analyzer/README.md, "IP blocks"): the
 * IPv4 space cut at every start and end+1 of the ipBlocks of one direction's rules, plus
 * 0.0.0.0/0; each interval is one peer, adjacent intervals are never merged.
 */
record IpAtoms(List<long[]> ranges) {
    private static final long SPACE_END = 1L << 32;

    static IpAtoms sources(List<PolicySet> sets) {
        List<NetworkPolicyRule> rules = new ArrayList<>();
        sets.forEach(set -> set.networkPolicies().forEach(p -> rules.addAll(p.ingress())));
        return of(rules, List.of());
    }

    /** Egress ipBlocks, and AdminNetworkPolicy networks peers (egress only, in the API). */
    static IpAtoms destinations(List<PolicySet> sets) {
        List<NetworkPolicyRule> rules = new ArrayList<>();
        List<IpBlock> networks = new ArrayList<>();
        for (PolicySet set : sets) {
            set.networkPolicies().forEach(p -> rules.addAll(p.egress()));
            set.adminPolicies().forEach(p -> p.egress().forEach(r -> r.networks().forEach(c -> networks.add(new IpBlock(c, List.of())))));
        }
        return of(rules, networks);
    }

    private static IpAtoms of(List<NetworkPolicyRule> rules, List<IpBlock> networks) {
        TreeSet<Long> cuts = new TreeSet<>(List.of(0L, SPACE_END));
        for (IpBlock block : networks) {
            if (block.cidr().base().isV4()) {
                cutRemainder(cuts, block);
            }
        }
        for (NetworkPolicyRule rule : rules) {
            for (NetworkPolicyPeer peer : rule.peers()) {
                IpBlock block = peer.ipBlock();
                if (block == null || !block.cidr().base().isV4()) {
                    continue;
                }
                cutRemainder(cuts, block);
            }
        }
        List<long[]> ranges = new ArrayList<>();
        Long previous = null;
        for (long cut : cuts) {
            if (previous != null) {
                ranges.add(new long[] {previous, cut - 1});
            }
            previous = cut;
        }
        return new IpAtoms(ranges);
    }

    /**
     * Cuts at the bounds of the contiguous ranges of {@code cidr minus except}: touching
     * excepts (10.0.0.0/9 and 10.128.0.0/9) leave no cut between them (ipblockstest_3).
     */
    private static void cutRemainder(TreeSet<Long> cuts, IpBlock block) {
        List<long[]> excepts = new ArrayList<>();
        block.except().forEach(e -> excepts.add(bounds(e)));
        excepts.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] cidr = bounds(block.cidr());
        long next = cidr[0];
        for (long[] except : excepts) {
            if (except[0] > next) {
                cuts.add(next);
                cuts.add(except[0]);
            }
            next = Math.max(next, except[1] + 1);
        }
        if (next <= cidr[1]) {
            cuts.add(next);
            cuts.add(cidr[1] + 1);
        }
    }

    private static long[] bounds(Cidr cidr) {
        long start = cidr.base().v4() & 0xFFFF_FFFFL;
        return new long[] {start, start + (1L << (32 - cidr.prefix())) - 1};
    }

    static IpAddress address(long value) {
        return IpAddress.ofV4((int) value);
    }

    /** {@code 10.0.0.0-10.255.255.255[External]}. */
    static String display(long[] range) {
        return address(range[0]) + "-" + address(range[1]) + "[External]";
    }
}
