package io.flowpol.inference.aggregate;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.PeerSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections of one summarised network, in constant memory: exact totals, the distinct
 * addresses (exact for an IPv4 /24 through a 256-bit map, estimated otherwise) and the busiest
 * addresses by the space-saving algorithm (Metwally et al. 2005): {@link #TOP} counters, a new
 * address displacing the smallest and inheriting its count as its possible overcount. The
 * catch-all of a class ({@code rest}) also estimates how many networks it stands for.
 */
final class NetworkTally {
    /** Addresses counted per network; the report and edges.json list the top few of them. */
    static final int TOP = 8;

    private final Cidr network;
    private final boolean rest;
    private long connections;
    private long packets;
    private long bytes;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private int proofs;
    private final long[] v4Seen;
    private final HyperLogLog addresses;
    private final HyperLogLog networks;
    private final long[] topHi = new long[TOP];
    private final long[] topLo = new long[TOP];
    private final long[] topCount = new long[TOP];
    private final long[] topError = new long[TOP];
    private int topSize;

    NetworkTally(Cidr network, boolean rest) {
        this.network = network;
        this.rest = rest;
        boolean exactV4 = !rest && network.base().isV4() && network.prefix() == 24;
        this.v4Seen = exactV4 ? new long[4] : null;
        this.addresses = exactV4 ? null : new HyperLogLog();
        this.networks = rest ? new HyperLogLog() : null;
    }

    void add(long hi, long lo, long n, long connectionPackets, long connectionBytes, long firstSeen, long lastSeen,
             int proofBits, long networkHi, long networkLo) {
        connections += n;
        packets += connectionPackets;
        bytes += connectionBytes;
        first = Math.min(first, firstSeen);
        last = Math.max(last, lastSeen);
        proofs |= proofBits;
        if (v4Seen != null) {
            int host = (int) lo & 0xFF;
            v4Seen[host >>> 6] |= 1L << (host & 63);
        } else {
            addresses.add(hi, lo);
        }
        if (networks != null) {
            networks.add(networkHi, networkLo);
        }
        count(hi, lo, n);
    }

    private void count(long hi, long lo, long n) {
        int min = 0;
        for (int i = 0; i < topSize; i++) {
            if (topHi[i] == hi && topLo[i] == lo) {
                topCount[i] += n;
                return;
            }
            if (topCount[i] < topCount[min]) {
                min = i;
            }
        }
        if (topSize < TOP) {
            min = topSize++;
            topError[min] = 0;
            topCount[min] = n;
        } else {
            topError[min] = topCount[min];
            topCount[min] += n;
        }
        topHi[min] = hi;
        topLo[min] = lo;
    }

    long connections() {
        return connections;
    }

    boolean distinctExact() {
        return v4Seen != null;
    }

    long distinct() {
        if (v4Seen == null) {
            return addresses.estimate();
        }
        long n = 0;
        for (long word : v4Seen) {
            n += Long.bitCount(word);
        }
        return n;
    }

    PeerSummary.Network summary() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < topSize; i++) {
            order.add(i);
        }
        // Busiest first; the address breaks ties so the order never depends on arrival.
        order.sort((a, b) -> topCount[a] != topCount[b] ? Long.compare(topCount[b], topCount[a])
                : new IpAddress(topHi[a], topLo[a]).compareTo(new IpAddress(topHi[b], topLo[b])));
        List<PeerSummary.Address> top = new ArrayList<>();
        for (int i : order) {
            top.add(new PeerSummary.Address(new IpAddress(topHi[i], topLo[i]), topCount[i], topError[i]));
        }
        return new PeerSummary.Network(network, rest ? networks.estimate() : 1,
                new io.flowpol.inference.model.Evidence(connections, packets, bytes, first, last,
                        EdgeAggregator.proofSet(proofs)), distinct(), distinctExact(), top);
    }
}
