package io.flowpol.inference.aggregate;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Evidence;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Counts connections per (client peer, server peer, protocol, port) under packed primitive keys
 * (STYLE.md habit 5): one connection adds 1 whatever number of records it had (DESIGN.md fact 1).
 * {@link #forEach} builds the {@link Evidence} values only when the window is finished.
 */
public final class EdgeAggregator {
    /** Receives one aggregated class of connections. */
    @FunctionalInterface
    public interface Visitor {
        void edge(int clientPeer, int serverPeer, int protocol, int port, Evidence evidence);
    }

    private final LongPairIntMap index = new LongPairIntMap(256);
    private long[] keyA = new long[64];
    private long[] keyB = new long[64];
    private long[] connections = new long[64];
    private long[] packets = new long[64];
    private long[] bytes = new long[64];
    private long[] first = new long[64];
    private long[] last = new long[64];
    private int[] proofs = new int[64];
    private int size;

    public void add(int clientPeer, int serverPeer, int protocol, int port,
                    long connectionPackets, long connectionBytes, long firstSeen, long lastSeen, int proofBits) {
        add(clientPeer, serverPeer, protocol, port, connectionPackets, connectionBytes, firstSeen, lastSeen, proofBits, 1);
    }

    /** {@code connectionCount} 0 adds the traffic of a connection already counted (a later stretch of it). */
    public void add(int clientPeer, int serverPeer, int protocol, int port, long connectionPackets,
                    long connectionBytes, long firstSeen, long lastSeen, int proofBits, int connectionCount) {
        long a = ((long) clientPeer << 32) | (serverPeer & 0xFFFF_FFFFL);
        long b = ((long) protocol << 16) | port;
        int e = index.getOrPut(a, b, size);
        if (e < 0) {
            e = append(a, b, firstSeen);
        }
        // A stretch continuing one that went elsewhere (an attempt, then answered) is still one.
        connections[e] = Math.max(1, connections[e] + connectionCount);
        packets[e] += connectionPackets;
        bytes[e] += connectionBytes;
        first[e] = Math.min(first[e], firstSeen);
        last[e] = Math.max(last[e], lastSeen);
        proofs[e] |= proofBits;
    }

    private int append(long a, long b, long firstSeen) {
        if (size == keyA.length) {
            int n = size * 2;
            keyA = Arrays.copyOf(keyA, n);
            keyB = Arrays.copyOf(keyB, n);
            connections = Arrays.copyOf(connections, n);
            packets = Arrays.copyOf(packets, n);
            bytes = Arrays.copyOf(bytes, n);
            first = Arrays.copyOf(first, n);
            last = Arrays.copyOf(last, n);
            proofs = Arrays.copyOf(proofs, n);
        }
        keyA[size] = a;
        keyB[size] = b;
        first[size] = firstSeen;
        last[size] = Long.MIN_VALUE;
        return size++;
    }

    public int size() {
        return size;
    }

    public void forEach(Visitor visitor) {
        for (int e = 0; e < size; e++) {
            Evidence evidence = new Evidence(connections[e], packets[e], bytes[e], first[e], last[e], proofSet(proofs[e]));
            visitor.edge((int) (keyA[e] >>> 32), (int) keyA[e], (int) (keyB[e] >>> 16), (int) keyB[e] & 0xFFFF, evidence);
        }
    }

    static Set<DirectionProof> proofSet(int bits) {
        EnumSet<DirectionProof> set = EnumSet.noneOf(DirectionProof.class);
        for (DirectionProof proof : DirectionProof.values()) {
            if ((bits & (1 << proof.ordinal())) != 0) {
                set.add(proof);
            }
        }
        return set;
    }
}
