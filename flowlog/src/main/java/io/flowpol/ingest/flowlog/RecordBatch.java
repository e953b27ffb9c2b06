package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.IpAddress;
import java.util.Arrays;

/**
 * A run of parsed records handed from a parsing thread to the consuming one, packed into one
 * {@code long[]} ({@value #STRIDE} longs a record). The parsing side packs its own cursor into
 * the next slot ({@link #add}); the consuming side unpacks a slot into a cursor of its own
 * ({@link #read}). A batch is owned by one thread at a time, the queues of
 * {@link RecordHandoff} and {@link ParsePool} passing ownership (and, with it, visibility).
 *
 * <p>Why packed and not an array of {@link FlowRecord} cursors that move between the threads
 * (GitHub issue 13): a cursor written by a worker and then read by the consumer, then handed
 * back and written again, moved its three cache lines from core to core twice per record, and
 * cursors of both threads that the collector had placed side by side shared lines. On the
 * per-ENI custom input the consumer's first read of each record was three quarters of the
 * merge, and a worker parsed a line in twice the time it took into a cursor of its own. A
 * packed batch is written front to back by one worker; its records stay there in the merge's
 * window ({@link MergeSource}) and are unpacked once, when the sink takes them; and the cursors
 * on either side never leave their thread.
 */
final class RecordBatch {
    /**
     * Longs per record: five long fields (the start is in {@link #starts} only), the int, byte and
     * boolean fields two or more to a long, then the four addresses as two pairs of 32-bit IPv4
     * values. Records whose addresses are not all IPv4 (or absent) keep them in {@link #wide}: 88
     * bytes a record where all four addresses at 16 bytes each and the start twice made 144, and
     * it is the lines of the packed records the consuming thread reads from the other core's
     * cache (issue 13: its first read of each record).
     */
    static final int STRIDE = 11;
    /** Longs per record in {@link #wide}: the four addresses' high and low halves. */
    private static final int WIDE_STRIDE = 8;

    private static final int HAS_INTERFACE_ID = 1 << 24;
    private static final int HAS_SRC_ADDR = 1 << 25;
    private static final int HAS_DST_ADDR = 1 << 26;
    private static final int HAS_PKT_SRC_ADDR = 1 << 27;
    private static final int HAS_PKT_DST_ADDR = 1 << 28;
    /** The record's addresses are in {@link #wide}, at the index its first address long holds. */
    private static final int WIDE = 1 << 29;

    private static final long LOW_HALF = 0xFFFF_FFFFL;

    private final long[] data;
    /** The addresses of the records that are not all IPv4 (or absent), {@value #WIDE_STRIDE} longs each. */
    private long[] wide = new long[0];
    private int wideSize;
    /** Each record's start, beside the packed records: {@link TimeOrderedFlowLogReader} orders by it. */
    final long[] starts;
    final int capacity;
    private int size;
    /** Set on the last batch of a unit (possibly empty) by {@link RecordHandoff#endUnit}. */
    UnitEnd unitEnd;
    /** Where a {@link ParsePool} batch comes in its file's order. */
    long seq;
    /**
     * The tallies of the chunk a {@link ParsePool} batch was parsed from ({@link FlowLogReader#cut}),
     * added to its file's when the batch is passed on in order; null for a batch read from the stream.
     */
    FlowLogCounters chunkTallies;
    /** The chunk was its file's last: the batch carries the file's end once its tallies are added. */
    boolean endsUnit;
    /** Records of this batch in a merge window as references to it ({@link MergeSource}), not yet passed on. */
    int pending;
    /** The merge has taken every record out of it; it goes back to the pool when {@link #pending} reaches 0. */
    boolean drained;

    RecordBatch(int capacity) {
        this.capacity = capacity;
        data = new long[capacity * STRIDE];
        starts = new long[capacity];
    }

    int size() {
        return size;
    }

    /** How many of its records keep their addresses wide (not all IPv4 or absent). */
    int wideRecords() {
        return wideSize / WIDE_STRIDE;
    }

    boolean isFull() {
        return size == capacity;
    }

    /** Empties the batch for reuse: its next record goes to the first slot. */
    void clear() {
        size = 0;
        wideSize = 0;
    }

    /** Packs the record into the next slot. */
    void add(FlowRecord r) {
        int i = size * STRIDE;
        long[] d = data;
        starts[size++] = r.startMillis;
        d[i] = r.line;
        d[i + 1] = r.interfaceId;
        d[i + 2] = r.packets;
        d[i + 3] = r.bytes;
        d[i + 4] = r.endMillis;
        d[i + 5] = pair(r.sourceId, r.version);
        d[i + 6] = pair(r.srcPort, r.dstPort);
        d[i + 7] = pair(r.protocol, r.tcpFlags);
        int small = (r.action & 0xFF) | (r.logStatus & 0xFF) << 8 | (r.flowDirection & 0xFF) << 16
                | (r.hasInterfaceId ? HAS_INTERFACE_ID : 0) | (r.hasSrcAddr ? HAS_SRC_ADDR : 0)
                | (r.hasDstAddr ? HAS_DST_ADDR : 0) | (r.hasPktSrcAddr ? HAS_PKT_SRC_ADDR : 0)
                | (r.hasPktDstAddr ? HAS_PKT_DST_ADDR : 0);
        if (narrow(r.srcHi, r.srcLo, r.hasSrcAddr) && narrow(r.dstHi, r.dstLo, r.hasDstAddr)
                && narrow(r.pktSrcHi, r.pktSrcLo, r.hasPktSrcAddr) && narrow(r.pktDstHi, r.pktDstLo, r.hasPktDstAddr)) {
            d[i + 9] = pair((int) r.srcLo, (int) r.dstLo);
            d[i + 10] = pair((int) r.pktSrcLo, (int) r.pktDstLo);
        } else {
            small |= WIDE;
            d[i + 9] = addWide(r);
        }
        d[i + 8] = pair(r.trafficPath, small);
    }

    /** Unpacks record {@code index} (0 to {@link #size} - 1) into {@code out}, every field of it. */
    void read(int index, FlowRecord out) {
        int i = index * STRIDE;
        long[] d = data;
        out.startMillis = starts[index];
        out.line = d[i];
        out.interfaceId = d[i + 1];
        out.packets = d[i + 2];
        out.bytes = d[i + 3];
        out.endMillis = d[i + 4];
        long p = d[i + 5];
        out.sourceId = high(p);
        out.version = low(p);
        p = d[i + 6];
        out.srcPort = high(p);
        out.dstPort = low(p);
        p = d[i + 7];
        out.protocol = high(p);
        out.tcpFlags = low(p);
        p = d[i + 8];
        out.trafficPath = high(p);
        int small = low(p);
        out.action = (byte) small;
        out.logStatus = (byte) (small >>> 8);
        out.flowDirection = (byte) (small >>> 16);
        boolean hasSrc = (small & HAS_SRC_ADDR) != 0;
        boolean hasDst = (small & HAS_DST_ADDR) != 0;
        boolean hasPktSrc = (small & HAS_PKT_SRC_ADDR) != 0;
        boolean hasPktDst = (small & HAS_PKT_DST_ADDR) != 0;
        out.hasInterfaceId = (small & HAS_INTERFACE_ID) != 0;
        out.hasSrcAddr = hasSrc;
        out.hasDstAddr = hasDst;
        out.hasPktSrcAddr = hasPktSrc;
        out.hasPktDstAddr = hasPktDst;
        if ((small & WIDE) == 0) {
            long a = d[i + 9];
            long b = d[i + 10];
            out.srcHi = 0;
            out.srcLo = widen(a >>> 32, hasSrc);
            out.dstHi = 0;
            out.dstLo = widen(a & LOW_HALF, hasDst);
            out.pktSrcHi = 0;
            out.pktSrcLo = widen(b >>> 32, hasPktSrc);
            out.pktDstHi = 0;
            out.pktDstLo = widen(b & LOW_HALF, hasPktDst);
        } else {
            long[] w = wide;
            int k = (int) d[i + 9];
            out.srcHi = w[k];
            out.srcLo = w[k + 1];
            out.dstHi = w[k + 2];
            out.dstLo = w[k + 3];
            out.pktSrcHi = w[k + 4];
            out.pktSrcLo = w[k + 5];
            out.pktDstHi = w[k + 6];
            out.pktDstLo = w[k + 7];
        }
    }

    /**
     * An address that {@link #widen} gives back from its low 32 bits: an IPv4 address (stored
     * IPv4-mapped) where the record has one, zero where it has none.
     */
    private static boolean narrow(long hi, long lo, boolean present) {
        return hi == 0 && (present ? (lo & ~LOW_HALF) == IpAddress.V4_MAPPED_PREFIX : lo == 0);
    }

    private static long widen(long v4, boolean present) {
        return present ? IpAddress.V4_MAPPED_PREFIX | v4 : 0;
    }

    /** The record's four addresses at the end of {@link #wide}; their index there. */
    private int addWide(FlowRecord r) {
        int k = wideSize;
        if (k + WIDE_STRIDE > wide.length) {
            wide = Arrays.copyOf(wide, Math.max(WIDE_STRIDE * 16, wide.length * 2));
        }
        long[] w = wide;
        w[k] = r.srcHi;
        w[k + 1] = r.srcLo;
        w[k + 2] = r.dstHi;
        w[k + 3] = r.dstLo;
        w[k + 4] = r.pktSrcHi;
        w[k + 5] = r.pktSrcLo;
        w[k + 6] = r.pktDstHi;
        w[k + 7] = r.pktDstLo;
        wideSize = k + WIDE_STRIDE;
        return k;
    }

    /** The line number of record {@code index}, without unpacking it. */
    long line(int index) {
        return data[index * STRIDE];
    }

    private static long pair(int high, int low) {
        return (long) high << 32 | (low & LOW_HALF);
    }

    private static int high(long pair) {
        return (int) (pair >>> 32);
    }

    private static int low(long pair) {
        return (int) pair;
    }
}
