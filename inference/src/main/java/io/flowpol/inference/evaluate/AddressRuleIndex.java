package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.policy.IpBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which rules of one policy direction have an ipBlock containing an address (its
 * {@code except} blocks subtracted): the 128-bit address space cut into elementary segments,
 * each with the ascending rule indexes covering it. A lookup is one binary search, so replaying
 * N connections against R ipBlock peers costs N·log R instead of N·R (issue 19). Exactly the
 * set {@link NetworkPolicyMatcher#ipBlockMatches} accepts, family rules included: an IPv6 block
 * never contains an IPv4 address even where the IPv4-mapped range lies inside it numerically.
 */
final class AddressRuleIndex {
    private static final int[] NONE = new int[0];
    /** The IPv4-mapped range {@code ::ffff:0:0/96}, where IPv4 addresses live (see {@link IpAddress}). */
    private static final Interval V4_RANGE = new Interval(
            new IpAddress(0L, IpAddress.V4_MAPPED_PREFIX), new IpAddress(0L, IpAddress.V4_MAPPED_PREFIX | 0xFFFF_FFFFL));

    /** Segment i covers [starts[i], starts[i + 1]) and is inside the rules {@code rules[i]}. */
    private final long[] startHi;
    private final long[] startLo;
    private final int[][] rules;

    private AddressRuleIndex(long[] startHi, long[] startLo, int[][] rules) {
        this.startHi = startHi;
        this.startLo = startLo;
        this.rules = rules;
    }

    /** A closed address interval. */
    record Interval(IpAddress first, IpAddress last) {
    }

    /** Collects the ipBlocks of each rule, then {@link #build}s the segments. */
    static final class Builder {
        private final List<long[]> events = new ArrayList<>();

        /** Adds {@code block} as a peer of rule {@code rule}. */
        Builder add(int rule, IpBlock block) {
            for (Interval in : effective(block)) {
                events.add(new long[] {in.first().hi(), in.first().lo(), rule, 1});
                IpAddress after = next(in.last());
                if (after != null) {
                    events.add(new long[] {after.hi(), after.lo(), rule, -1});
                }
            }
            return this;
        }

        AddressRuleIndex build() {
            events.sort(Comparator.<long[]>comparingLong(e -> e[0] ^ Long.MIN_VALUE).thenComparingLong(e -> e[1] ^ Long.MIN_VALUE));
            List<long[]> starts = new ArrayList<>();
            List<int[]> covering = new ArrayList<>();
            // A rule can have overlapping blocks: count coverage per rule, a rule counts while > 0.
            TreeMap<Integer, Integer> active = new TreeMap<>();
            Map<List<Integer>, int[]> shared = new HashMap<>();
            int i = 0;
            while (i < events.size()) {
                long hi = events.get(i)[0];
                long lo = events.get(i)[1];
                for (; i < events.size() && events.get(i)[0] == hi && events.get(i)[1] == lo; i++) {
                    int rule = (int) events.get(i)[2];
                    int count = active.getOrDefault(rule, 0) + (int) events.get(i)[3];
                    if (count == 0) {
                        active.remove(rule);
                    } else {
                        active.put(rule, count);
                    }
                }
                // Equal coverage lists share one array: 50k disjoint /32s inside one wide block
                // hold two distinct lists, not 100k.
                int[] now = shared.computeIfAbsent(List.copyOf(active.keySet()),
                        k -> k.stream().mapToInt(Integer::intValue).toArray());
                if (!covering.isEmpty() && covering.get(covering.size() - 1) == now) {
                    continue;
                }
                starts.add(new long[] {hi, lo});
                covering.add(now);
            }
            long[] hiArr = new long[starts.size()];
            long[] loArr = new long[starts.size()];
            for (int s = 0; s < starts.size(); s++) {
                hiArr[s] = starts.get(s)[0];
                loArr[s] = starts.get(s)[1];
            }
            return new AddressRuleIndex(hiArr, loArr, covering.toArray(new int[0][]));
        }
    }

    /** Ascending indexes of the rules with an ipBlock containing {@code address}; empty for null. */
    int[] rulesContaining(IpAddress address) {
        if (address == null) {
            return NONE;
        }
        int low = 0;
        int high = startHi.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = compare(startHi[mid], startLo[mid], address.hi(), address.lo());
            if (c <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? NONE : rules[found];
    }

    /** The addresses a block accepts as disjoint ascending intervals: the CIDR, its family only, minus excepts. */
    static List<Interval> effective(IpBlock block) {
        Cidr cidr = block.cidr();
        boolean v4 = cidr.base().isV4();
        List<Interval> removed = new ArrayList<>();
        for (Cidr except : block.except()) {
            // An except of the other family never contains an address of this block's family.
            if (except.base().isV4() == v4) {
                removed.add(interval(except));
            }
        }
        if (!v4) {
            removed.add(V4_RANGE);
        }
        removed.sort(Comparator.comparing(Interval::first));
        List<Interval> out = new ArrayList<>();
        Interval whole = interval(cidr);
        IpAddress from = whole.first();
        for (Interval cut : removed) {
            if (from == null || from.compareTo(whole.last()) > 0) {
                break;
            }
            if (cut.last().compareTo(from) < 0 || cut.first().compareTo(whole.last()) > 0) {
                continue;
            }
            if (cut.first().compareTo(from) > 0) {
                out.add(new Interval(from, previous(cut.first())));
            }
            from = next(cut.last());
        }
        if (from != null && from.compareTo(whole.last()) <= 0) {
            out.add(new Interval(from, whole.last()));
        }
        return out;
    }

    static Interval interval(Cidr cidr) {
        int bits = cidr.base().isV4() ? cidr.prefix() + 96 : cidr.prefix();
        long hiHost = bits >= 64 ? 0L : (bits == 0 ? -1L : -1L >>> bits);
        long loHost = bits <= 64 ? -1L : (bits == 128 ? 0L : -1L >>> (bits - 64));
        IpAddress base = cidr.base();
        return new Interval(base, new IpAddress(base.hi() | hiHost, base.lo() | loHost));
    }

    /** The address after {@code a}, or null after the last one. */
    static IpAddress next(IpAddress a) {
        long lo = a.lo() + 1;
        long hi = lo == 0 ? a.hi() + 1 : a.hi();
        return lo == 0 && hi == 0 ? null : new IpAddress(hi, lo);
    }

    /** The address before {@code a}; {@code a} is never the first one here (an interval starts at or before it). */
    static IpAddress previous(IpAddress a) {
        long lo = a.lo() - 1;
        long hi = a.lo() == 0 ? a.hi() - 1 : a.hi();
        return new IpAddress(hi, lo);
    }

    private static int compare(long hiA, long loA, long hiB, long loB) {
        int c = Long.compareUnsigned(hiA, hiB);
        return c != 0 ? c : Long.compareUnsigned(loA, loB);
    }

}
