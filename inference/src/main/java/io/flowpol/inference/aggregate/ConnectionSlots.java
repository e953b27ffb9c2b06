package io.flowpol.inference.aggregate;

import io.flowpol.inference.resolve.UnresolvedReason;
import java.util.Arrays;

/**
 * State of the {@link ConnectionJoiner}'s live connections, with a free list of slot numbers:
 * evicted slots are reused, so memory follows the live count, not the input.
 *
 * <p>A slot is {@value #STRIDE} adjacent longs of one array (array of structs): every record
 * reads and updates nearly every field of its connection, and eviction reads all of them, so
 * one slot spans two cache lines where one array per field cost a miss per field (issue 7).
 * Small fields are packed; the accessors below are the only code that knows the layout.
 */
final class ConnectionSlots {
    static final int MAX_INTERFACES = 3;
    /** End states, ordered: a record with a better state replaces the end's endpoint. */
    static final int NONE = 0;
    static final int AMBIGUOUS = 1;
    static final int EXACT = 2;

    private static final int KEY_A = 0;
    private static final int KEY_B = 1;
    private static final int PACKETS = 2;
    private static final int BYTES = 3;
    private static final int FIRST = 4;
    private static final int LAST = 5;
    private static final int INTERFACES = 6;
    /** An end: endpoint (low 32 bits), state (bits 32-33), reason ordinal + 1 (bits 36-39, 0 = none). */
    private static final int CLIENT = INTERFACES + MAX_INTERFACES;
    private static final int SERVER = CLIENT + 1;
    /** TCP flags OR-ed over the client's records (high 32 bits) and the server's (low 32 bits). */
    private static final int FLAGS = SERVER + 1;
    /** Proof bits (low 32 bits), the booleans below and the interface count. */
    private static final int BITS = FLAGS + 1;
    /** The ends (client endpoint high, server endpoint low) of the key's stretch before this one. */
    private static final int PREVIOUS = BITS + 1;
    private static final int STRIDE = PREVIOUS + 1;

    private static final long IN_USE = 1L << 32;
    private static final long CONFLICT = 1L << 33;
    private static final long REQUEST_SEEN = 1L << 34;
    private static final long REPLY_SEEN = 1L << 35;
    private static final long HAS_FLAGS = 1L << 36;
    /** The earliest record (ties: the first to arrive) was a reply-direction one. */
    private static final long REPLY_FIRST = 1L << 37;
    /** An earlier stretch of time of the same key was live when this one began: see {@link #PREVIOUS}. */
    private static final long CONTINUES = 1L << 38;
    private static final int COUNT_SHIFT = 40;
    private static final UnresolvedReason[] REASONS = UnresolvedReason.values();

    private long[] data = new long[256 * STRIDE];
    private int[] freeList = new int[256];
    private int freeCount;
    private int highWater;

    int highWater() {
        return highWater;
    }

    int allocate(long a, long b, long start) {
        int s = freeCount > 0 ? freeList[--freeCount] : highWater++;
        int base = s * STRIDE;
        if (base == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        Arrays.fill(data, base, base + STRIDE, 0L);
        data[base + KEY_A] = a;
        data[base + KEY_B] = b;
        data[base + FIRST] = start;
        data[base + LAST] = Long.MIN_VALUE;
        data[base + BITS] = IN_USE;
        return s;
    }

    void free(int s) {
        data[s * STRIDE + BITS] &= ~IN_USE;
        if (freeCount == freeList.length) {
            freeList = Arrays.copyOf(freeList, freeCount * 2);
        }
        freeList[freeCount++] = s;
    }

    /**
     * Adds slot {@code o} of the same key into {@code s}, all but the ends (the joiner merges those,
     * as it knows which names conflict). The two were stretches of time of one connection: their
     * traffic is different packets, so it adds up whichever interface counted it.
     */
    void absorb(int s, int o) {
        int base = s * STRIDE;
        int other = o * STRIDE;
        for (int i = 0; i < interfaceCount(o); i++) {
            addInterface(s, data[other + INTERFACES + i]);
        }
        data[base + PACKETS] += data[other + PACKETS];
        data[base + BYTES] += data[other + BYTES];
        if (data[other + FIRST] < data[base + FIRST]) {
            data[base + BITS] = (data[base + BITS] & ~REPLY_FIRST) | (data[other + BITS] & REPLY_FIRST);
        }
        widen(s, data[other + FIRST], data[other + LAST]);
        data[base + FLAGS] |= data[other + FLAGS];
        long orBits = CONFLICT | REQUEST_SEEN | REPLY_SEEN | HAS_FLAGS | 0xFFFF_FFFFL;
        data[base + BITS] |= data[other + BITS] & orBits;
    }

    /** The two ends' endpoints in one long, to compare the stretches of one key. */
    long endpoints(int s) {
        return (data[s * STRIDE + CLIENT] << 32) | (data[s * STRIDE + SERVER] & 0xFFFF_FFFFL);
    }

    /** Notes the ends of the key's stretch before this one (see {@link #endpoints}). */
    void markContinues(int s, long previousEndpoints) {
        data[s * STRIDE + PREVIOUS] = previousEndpoints;
        data[s * STRIDE + BITS] |= CONTINUES;
    }

    /** True when this stretch followed one of the same key that named the same ends. */
    boolean continuesSameEnds(int s) {
        return (data[s * STRIDE + BITS] & CONTINUES) != 0 && data[s * STRIDE + PREVIOUS] == endpoints(s);
    }

    boolean inUse(int s) {
        return (data[s * STRIDE + BITS] & IN_USE) != 0;
    }

    long keyA(int s) {
        return data[s * STRIDE + KEY_A];
    }

    long keyB(int s) {
        return data[s * STRIDE + KEY_B];
    }

    /** The packed end; read it with {@link #endpoint}, {@link #state} and {@link #reason}. */
    long end(int s, boolean client) {
        return data[s * STRIDE + (client ? CLIENT : SERVER)];
    }

    void setEnd(int s, boolean client, int endpoint, int state, UnresolvedReason reason) {
        long reasonCode = reason == null ? 0 : reason.ordinal() + 1;
        data[s * STRIDE + (client ? CLIENT : SERVER)] =
                (endpoint & 0xFFFF_FFFFL) | ((long) state << 32) | (reasonCode << 36);
    }

    static int endpoint(long end) {
        return (int) end;
    }

    static int state(long end) {
        return (int) (end >>> 32) & 3;
    }

    static UnresolvedReason reason(long end) {
        int code = (int) (end >>> 36) & 15;
        return code == 0 ? null : REASONS[code - 1];
    }

    void markConflict(int s) {
        data[s * STRIDE + BITS] |= CONFLICT;
    }

    boolean conflict(int s) {
        return (data[s * STRIDE + BITS] & CONFLICT) != 0;
    }

    int interfaceCount(int s) {
        return (int) (data[s * STRIDE + BITS] >>> COUNT_SHIFT) & 3;
    }

    long interfaceAt(int s, int i) {
        return data[s * STRIDE + INTERFACES + i];
    }

    /** Records an interface id unless already seen or {@value #MAX_INTERFACES} are held. */
    void addInterface(int s, long interfaceId) {
        int base = s * STRIDE;
        int n = interfaceCount(s);
        for (int i = 0; i < n; i++) {
            if (data[base + INTERFACES + i] == interfaceId) {
                return;
            }
        }
        if (n < MAX_INTERFACES) {
            data[base + INTERFACES + n] = interfaceId;
            data[base + BITS] += 1L << COUNT_SHIFT;
        }
    }

    void addTraffic(int s, long packets, long bytes) {
        data[s * STRIDE + PACKETS] += packets;
        data[s * STRIDE + BYTES] += bytes;
    }

    long packets(int s) {
        return data[s * STRIDE + PACKETS];
    }

    long bytes(int s) {
        return data[s * STRIDE + BYTES];
    }

    /** Widens the connection's time range to hold {@code [start, end]}. */
    void widen(int s, long start, long end) {
        int base = s * STRIDE;
        data[base + FIRST] = Math.min(data[base + FIRST], start);
        data[base + LAST] = Math.max(data[base + LAST], end);
    }

    long first(int s) {
        return data[s * STRIDE + FIRST];
    }

    long last(int s) {
        return data[s * STRIDE + LAST];
    }

    void markSeen(int s, boolean reply) {
        data[s * STRIDE + BITS] |= reply ? REPLY_SEEN : REQUEST_SEEN;
    }

    /**
     * Keeps the direction of the earliest record: call before {@link #widen} with the record's
     * start; a record starting no earlier than the first one does not change it.
     */
    void markFirst(int s, boolean fresh, long start, boolean reply) {
        int base = s * STRIDE;
        if (fresh || start < data[base + FIRST]) {
            data[base + BITS] = reply ? data[base + BITS] | REPLY_FIRST : data[base + BITS] & ~REPLY_FIRST;
        }
    }

    boolean replyFirst(int s) {
        return (data[s * STRIDE + BITS] & REPLY_FIRST) != 0;
    }

    boolean requestSeen(int s) {
        return (data[s * STRIDE + BITS] & REQUEST_SEEN) != 0;
    }

    boolean replySeen(int s) {
        return (data[s * STRIDE + BITS] & REPLY_SEEN) != 0;
    }

    /** OR-s a record's non-negative TCP flags into the side that sent it. */
    void addFlags(int s, boolean reply, int tcpFlags) {
        data[s * STRIDE + FLAGS] |= reply ? tcpFlags & 0xFFFF_FFFFL : (long) tcpFlags << 32;
        data[s * STRIDE + BITS] |= HAS_FLAGS;
    }

    boolean hasFlags(int s) {
        return (data[s * STRIDE + BITS] & HAS_FLAGS) != 0;
    }

    int clientFlags(int s) {
        return (int) (data[s * STRIDE + FLAGS] >>> 32);
    }

    int serverFlags(int s) {
        return (int) data[s * STRIDE + FLAGS];
    }

    void addProofs(int s, int bits) {
        data[s * STRIDE + BITS] |= bits & 0xFFFF_FFFFL;
    }

    int proofs(int s) {
        return (int) data[s * STRIDE + BITS];
    }
}
