package io.flowpol.inference.aggregate;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.PeerSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The connections of one class (the exact end, protocol, port, which end varies, address kind) to
 * many VPC or external addresses. Up to {@code limit} distinct addresses it keeps each address's
 * evidence exactly, so small classes give the same edges as before; the next new address turns
 * it into per-network {@link NetworkTally}s, at most {@link #MAX_NETWORKS} of them and a catch-all
 * per address family, so memory stays bounded whatever the number of addresses (issue 13 item 4).
 */
final class PeerGroup {
    /**
     * Networks kept one by one per class (about 0.3 KiB each); the rest share one catch-all block
     * per family. 1024 /24s hold 250,000 clients of a few /16s exactly.
     */
    static final int MAX_NETWORKS = 1024;
    private static final Cidr ALL_V4 = Cidr.parse("0.0.0.0/0");
    private static final Cidr ALL_V6 = Cidr.parse("::/0");

    private final int limit;
    private long connections;
    private long packets;
    private long bytes;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private int proofs;

    private LongPairIntMap exact = new LongPairIntMap(8);
    private long[] hi = new long[4];
    private long[] lo = new long[4];
    private long[][] counts = new long[5][4];
    private int[] proofBits = new int[4];
    private int size;

    private LongPairIntMap networkIndex;
    private List<NetworkTally> networks;
    private NetworkTally restV4;
    private NetworkTally restV6;

    PeerGroup(int limit) {
        this.limit = limit;
    }

    void add(long addrHi, long addrLo, long connectionPackets, long connectionBytes, long firstSeen, long lastSeen,
             int proofBits) {
        connections++;
        packets += connectionPackets;
        bytes += connectionBytes;
        first = Math.min(first, firstSeen);
        last = Math.max(last, lastSeen);
        proofs |= proofBits;
        if (exact != null) {
            int e = exact.get(addrHi, addrLo);
            if (e < 0 && size == limit) {
                summarise();
            } else {
                if (e < 0) {
                    e = append(addrHi, addrLo);
                }
                long[][] c = counts;
                c[0][e]++;
                c[1][e] += connectionPackets;
                c[2][e] += connectionBytes;
                c[3][e] = Math.min(c[3][e], firstSeen);
                c[4][e] = Math.max(c[4][e], lastSeen);
                this.proofBits[e] |= proofBits;
                return;
            }
        }
        tally(addrHi, addrLo).add(addrHi, addrLo, 1, connectionPackets, connectionBytes, firstSeen, lastSeen,
                proofBits, networkHi(addrHi, addrLo), networkLo(addrHi, addrLo));
    }

    private int append(long addrHi, long addrLo) {
        if (size == hi.length) {
            int n = size * 2;
            hi = Arrays.copyOf(hi, n);
            lo = Arrays.copyOf(lo, n);
            for (int i = 0; i < counts.length; i++) {
                counts[i] = Arrays.copyOf(counts[i], n);
            }
            proofBits = Arrays.copyOf(proofBits, n);
        }
        hi[size] = addrHi;
        lo[size] = addrLo;
        counts[3][size] = Long.MAX_VALUE;
        counts[4][size] = Long.MIN_VALUE;
        exact.getOrPut(addrHi, addrLo, size);
        return size++;
    }

    /** Moves the exact addresses into their networks and forgets them. */
    private void summarise() {
        networkIndex = new LongPairIntMap(64);
        networks = new ArrayList<>();
        for (int e = 0; e < size; e++) {
            tally(hi[e], lo[e]).add(hi[e], lo[e], counts[0][e], counts[1][e], counts[2][e], counts[3][e], counts[4][e],
                    proofBits[e], networkHi(hi[e], lo[e]), networkLo(hi[e], lo[e]));
        }
        exact = null;
        hi = null;
        lo = null;
        counts = null;
        proofBits = null;
    }

    private NetworkTally tally(long addrHi, long addrLo) {
        long nHi = networkHi(addrHi, addrLo);
        long nLo = networkLo(addrHi, addrLo);
        int n = networkIndex.get(nHi, nLo);
        if (n >= 0) {
            return networks.get(n);
        }
        boolean v4 = IpAddress.isV4(addrHi, addrLo);
        if (networks.size() < MAX_NETWORKS) {
            networkIndex.getOrPut(nHi, nLo, networks.size());
            NetworkTally t = new NetworkTally(new Cidr(new IpAddress(nHi, nLo), v4 ? 24 : 48), false);
            networks.add(t);
            return t;
        }
        if (v4) {
            return restV4 == null ? restV4 = new NetworkTally(ALL_V4, true) : restV4;
        }
        return restV6 == null ? restV6 = new NetworkTally(ALL_V6, true) : restV6;
    }

    /** A /24 for IPv4 (kept in the mapped form), a /48 for IPv6. */
    private static long networkHi(long addrHi, long addrLo) {
        return IpAddress.isV4(addrHi, addrLo) ? addrHi : addrHi & 0xFFFF_FFFF_FFFF_0000L;
    }

    private static long networkLo(long addrHi, long addrLo) {
        return IpAddress.isV4(addrHi, addrLo) ? addrLo & ~0xFFL : 0;
    }

    boolean summarised() {
        return exact == null;
    }

    int exactSize() {
        return size;
    }

    long exactHi(int e) {
        return hi[e];
    }

    long exactLo(int e) {
        return lo[e];
    }

    Evidence exactEvidence(int e) {
        return new Evidence(counts[0][e], counts[1][e], counts[2][e], counts[3][e], counts[4][e],
                EdgeAggregator.proofSet(proofBits[e]));
    }

    Evidence total() {
        return new Evidence(connections, packets, bytes, first, last, EdgeAggregator.proofSet(proofs));
    }

    /** The networks, busiest (most distinct addresses, then connections) first, the catch-alls last. */
    List<PeerSummary.Network> networks() {
        List<PeerSummary.Network> out = new ArrayList<>();
        networks.forEach(t -> out.add(t.summary()));
        out.sort(Comparator.comparingLong(PeerSummary.Network::distinctAddresses).reversed()
                .thenComparing(Comparator.comparingLong((PeerSummary.Network n) -> n.evidence().connections()).reversed())
                .thenComparing(PeerSummary.Network::network));
        if (restV4 != null) {
            out.add(restV4.summary());
        }
        if (restV6 != null) {
            out.add(restV6.summary());
        }
        return out;
    }
}
