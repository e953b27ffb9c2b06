package io.flowpol.inference.aggregate;

import java.util.Arrays;

/**
 * Counts SNAT-ed connections per (node, destination, protocol, port) and candidate set id
 * (issue 14 item 2) under packed primitive keys: a connection costs one set lookup and two
 * probes, no allocation. The distinct sets per destination stay few, so their counts are compact.
 */
public final class SnatSetCounter implements SnatObserver {
    /** The interned id of the workloads that may hide behind {@code nodePeer} during {@code [from, to]}. */
    @FunctionalInterface
    public interface SetLookup {
        int setId(int nodePeer, long from, long to);
    }

    /** Receives one (destination, candidate set) count. */
    @FunctionalInterface
    public interface Visitor {
        void count(int nodePeer, int serverPeer, int protocol, int port, int setId, long connections);
    }

    private final SetLookup lookup;
    private final LongPairIntMap destinations = new LongPairIntMap(64);
    private final LongPairIntMap pairs = new LongPairIntMap(64);
    private long[] keyA = new long[16];
    private long[] keyB = new long[16];
    private int destinationCount;
    private int[] pairDestination = new int[16];
    private int[] pairSet = new int[16];
    private long[] pairCount = new long[16];
    private int pairCountSize;

    public SnatSetCounter(SetLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void connection(int nodePeer, int serverPeer, int protocol, int port, long firstSeen, long lastSeen) {
        int set = lookup.setId(nodePeer, firstSeen, lastSeen);
        long a = ((long) nodePeer << 32) | (serverPeer & 0xFFFF_FFFFL);
        long b = ((long) protocol << 16) | port;
        int d = destinations.getOrPut(a, b, destinationCount);
        if (d < 0) {
            if (destinationCount == keyA.length) {
                keyA = Arrays.copyOf(keyA, destinationCount * 2);
                keyB = Arrays.copyOf(keyB, destinationCount * 2);
            }
            keyA[destinationCount] = a;
            keyB[destinationCount] = b;
            d = destinationCount++;
        }
        int p = pairs.getOrPut(d, set, pairCountSize);
        if (p < 0) {
            if (pairCountSize == pairSet.length) {
                int n = pairCountSize * 2;
                pairDestination = Arrays.copyOf(pairDestination, n);
                pairSet = Arrays.copyOf(pairSet, n);
                pairCount = Arrays.copyOf(pairCount, n);
            }
            pairDestination[pairCountSize] = d;
            pairSet[pairCountSize] = set;
            p = pairCountSize++;
        }
        pairCount[p]++;
    }

    public void forEach(Visitor visitor) {
        for (int p = 0; p < pairCountSize; p++) {
            int d = pairDestination[p];
            visitor.count((int) (keyA[d] >>> 32), (int) keyA[d], (int) (keyB[d] >>> 16), (int) keyB[d] & 0xFFFF,
                    pairSet[p], pairCount[p]);
        }
    }
}
