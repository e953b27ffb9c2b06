package io.flowpol.inference.aggregate;

import io.flowpol.inference.resolve.UnresolvedReason;
import java.util.Arrays;

/**
 * Struct-of-arrays state of the {@link ConnectionJoiner}'s live connections, with a free list
 * of slot numbers: evicted slots are reused, so memory follows the live count, not the input.
 */
final class ConnectionSlots {
    static final byte NONE = 0;
    static final int MAX_INTERFACES = 3;

    long[] keyA = new long[256];
    long[] keyB = new long[256];
    int[] clientEndpoint = new int[256];
    int[] serverEndpoint = new int[256];
    byte[] clientState = new byte[256];
    byte[] serverState = new byte[256];
    UnresolvedReason[] clientReason = new UnresolvedReason[256];
    UnresolvedReason[] serverReason = new UnresolvedReason[256];
    boolean[] conflict = new boolean[256];
    long[] interfaces = new long[256 * MAX_INTERFACES];
    byte[] interfaceCount = new byte[256];
    boolean[] requestSeen = new boolean[256];
    boolean[] replySeen = new boolean[256];
    long[] packets = new long[256];
    long[] bytes = new long[256];
    long[] first = new long[256];
    long[] last = new long[256];
    boolean[] hasFlags = new boolean[256];
    int[] clientFlags = new int[256];
    int[] serverFlags = new int[256];
    int[] proofs = new int[256];
    boolean[] inUse = new boolean[256];
    private int[] freeList = new int[256];
    private int freeCount;
    private int highWater;

    int highWater() {
        return highWater;
    }

    int allocate(long a, long b, long start) {
        int s = freeCount > 0 ? freeList[--freeCount] : highWater++;
        if (s == inUse.length) {
            grow(s * 2);
        }
        keyA[s] = a;
        keyB[s] = b;
        clientState[s] = serverState[s] = NONE;
        clientReason[s] = serverReason[s] = null;
        conflict[s] = requestSeen[s] = replySeen[s] = hasFlags[s] = false;
        interfaceCount[s] = 0;
        packets[s] = bytes[s] = 0;
        first[s] = start;
        last[s] = Long.MIN_VALUE;
        clientFlags[s] = serverFlags[s] = proofs[s] = 0;
        inUse[s] = true;
        return s;
    }

    void free(int s) {
        inUse[s] = false;
        clientReason[s] = serverReason[s] = null;
        if (freeCount == freeList.length) {
            freeList = Arrays.copyOf(freeList, freeCount * 2);
        }
        freeList[freeCount++] = s;
    }

    private void grow(int n) {
        keyA = Arrays.copyOf(keyA, n);
        keyB = Arrays.copyOf(keyB, n);
        clientEndpoint = Arrays.copyOf(clientEndpoint, n);
        serverEndpoint = Arrays.copyOf(serverEndpoint, n);
        clientState = Arrays.copyOf(clientState, n);
        serverState = Arrays.copyOf(serverState, n);
        clientReason = Arrays.copyOf(clientReason, n);
        serverReason = Arrays.copyOf(serverReason, n);
        conflict = Arrays.copyOf(conflict, n);
        interfaces = Arrays.copyOf(interfaces, n * MAX_INTERFACES);
        interfaceCount = Arrays.copyOf(interfaceCount, n);
        requestSeen = Arrays.copyOf(requestSeen, n);
        replySeen = Arrays.copyOf(replySeen, n);
        packets = Arrays.copyOf(packets, n);
        bytes = Arrays.copyOf(bytes, n);
        first = Arrays.copyOf(first, n);
        last = Arrays.copyOf(last, n);
        hasFlags = Arrays.copyOf(hasFlags, n);
        clientFlags = Arrays.copyOf(clientFlags, n);
        serverFlags = Arrays.copyOf(serverFlags, n);
        proofs = Arrays.copyOf(proofs, n);
        inUse = Arrays.copyOf(inUse, n);
    }
}
