package io.flowpol.inference.diff;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.policy.AdminNetworkPolicy;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The IPv4 address space cut into the disjoint intervals that the CIDRs of two policy sets (and
 * the VPC, node and API server addresses) induce: a policy decides every address of one interval
 * alike, so probing the first address of each interval answers for all of it.
 */
final class AddressRanges {
    static final long SPACE = 1L << 32;

    private AddressRanges() {
    }

    /** Interval starts, ascending, beginning with 0; each interval ends where the next begins (or at 2^32). */
    static long[] starts(List<Cidr> cidrs) {
        TreeSet<Long> cuts = new TreeSet<>();
        cuts.add(0L);
        for (Cidr cidr : cidrs) {
            if (cidr.base().isV4()) {
                long start = Integer.toUnsignedLong(cidr.base().v4());
                long end = start + (1L << (32 - cidr.prefix()));
                cuts.add(start);
                if (end < SPACE) {
                    cuts.add(end);
                }
            }
        }
        return cuts.stream().mapToLong(Long::longValue).toArray();
    }

    /** Every CIDR an ipBlock, a Calico nets/notNets or an admin policy's networks peer of the sets names. */
    static List<Cidr> of(PolicySet... sets) {
        List<Cidr> out = new ArrayList<>();
        for (PolicySet set : sets) {
            for (NetworkPolicy p : set.networkPolicies()) {
                Stream.concat(p.ingress().stream(), p.egress().stream()).map(NetworkPolicyRule::peers)
                        .flatMap(List::stream).map(NetworkPolicyPeer::ipBlock).filter(b -> b != null)
                        .forEach(b -> {
                            out.add(b.cidr());
                            out.addAll(b.except());
                        });
            }
            for (CalicoPolicy p : set.calicoPolicies()) {
                Stream.concat(p.ingress().stream(), p.egress().stream()).forEach(rule -> add(out, rule));
            }
            for (AdminNetworkPolicy p : set.adminPolicies()) {
                Stream.concat(p.ingress().stream(), p.egress().stream()).forEach(rule -> out.addAll(rule.networks()));
            }
        }
        return out;
    }

    private static void add(List<Cidr> out, CalicoRule rule) {
        for (var side : List.of(rule.source(), rule.destination())) {
            out.addAll(side.nets());
            out.addAll(side.notNets());
        }
    }

    static IpAddress address(long v4) {
        return IpAddress.ofV4((int) v4);
    }

    /**
     * Disjoint ascending intervals {@code [from, to)} as CIDRs, and as the smallest CIDR enclosing
     * them with the CIDRs it holds beyond them ({@code 0.0.0.0/0 except 169.254.169.254/32}).
     */
    record Summary(List<String> cidrs, String enclosing, List<String> except) {
    }

    static Summary summary(List<long[]> intervals) {
        List<String> cidrs = new ArrayList<>();
        intervals.forEach(i -> cidrs.addAll(cidrs(i[0], i[1])));
        long min = intervals.get(0)[0];
        long max = intervals.get(intervals.size() - 1)[1] - 1;
        int prefix = 32;
        while (prefix > 0 && (min >>> (32 - prefix)) != (max >>> (32 - prefix))) {
            prefix--;
        }
        long from = prefix == 0 ? 0 : (min >>> (32 - prefix)) << (32 - prefix);
        long to = from + (1L << (32 - prefix));
        List<String> except = new ArrayList<>();
        long at = from;
        for (long[] i : intervals) {
            except.addAll(cidrs(at, i[0]));
            at = i[1];
        }
        except.addAll(cidrs(at, to));
        return new Summary(cidrs, address(from) + "/" + prefix, except);
    }

    /** The fewest CIDRs covering exactly {@code [start, end)}. */
    static List<String> cidrs(long start, long end) {
        List<String> out = new ArrayList<>();
        long at = start;
        while (at < end) {
            int bits = at == 0 ? 32 : Long.numberOfTrailingZeros(at);
            while (bits > 0 && at + (1L << bits) > end) {
                bits--;
            }
            out.add(address(at) + "/" + (32 - bits));
            at += 1L << bits;
        }
        return out;
    }
}
