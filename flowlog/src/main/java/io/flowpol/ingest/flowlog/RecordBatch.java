package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;

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
    /** Longs per record: fourteen long fields, then the int, byte and boolean fields two or more to a long. */
    static final int STRIDE = 18;

    private static final int HAS_INTERFACE_ID = 1 << 24;
    private static final int HAS_SRC_ADDR = 1 << 25;
    private static final int HAS_DST_ADDR = 1 << 26;
    private static final int HAS_PKT_SRC_ADDR = 1 << 27;
    private static final int HAS_PKT_DST_ADDR = 1 << 28;

    private final long[] data;
    /**
     * Each record's start, beside the packed records: {@link TimeOrderedFlowLogReader} orders by
     * it before unpacking a record.
     */
    final long[] starts;
    final int capacity;
    int size;
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

    boolean isFull() {
        return size == capacity;
    }

    /** Packs the record into the next slot. */
    void add(FlowRecord r) {
        int i = size * STRIDE;
        long[] d = data;
        starts[size++] = r.startMillis;
        d[i] = r.line;
        d[i + 1] = r.interfaceId;
        d[i + 2] = r.srcHi;
        d[i + 3] = r.srcLo;
        d[i + 4] = r.dstHi;
        d[i + 5] = r.dstLo;
        d[i + 6] = r.packets;
        d[i + 7] = r.bytes;
        d[i + 8] = r.startMillis;
        d[i + 9] = r.endMillis;
        d[i + 10] = r.pktSrcHi;
        d[i + 11] = r.pktSrcLo;
        d[i + 12] = r.pktDstHi;
        d[i + 13] = r.pktDstLo;
        d[i + 14] = pair(r.sourceId, r.version);
        d[i + 15] = pair(r.srcPort, r.dstPort);
        d[i + 16] = pair(r.protocol, r.tcpFlags);
        int small = (r.action & 0xFF) | (r.logStatus & 0xFF) << 8 | (r.flowDirection & 0xFF) << 16
                | (r.hasInterfaceId ? HAS_INTERFACE_ID : 0) | (r.hasSrcAddr ? HAS_SRC_ADDR : 0)
                | (r.hasDstAddr ? HAS_DST_ADDR : 0) | (r.hasPktSrcAddr ? HAS_PKT_SRC_ADDR : 0)
                | (r.hasPktDstAddr ? HAS_PKT_DST_ADDR : 0);
        d[i + 17] = pair(r.trafficPath, small);
    }

    /** Unpacks record {@code index} (0 to {@link #size} - 1) into {@code out}, every field of it. */
    void read(int index, FlowRecord out) {
        int i = index * STRIDE;
        long[] d = data;
        out.line = d[i];
        out.interfaceId = d[i + 1];
        out.srcHi = d[i + 2];
        out.srcLo = d[i + 3];
        out.dstHi = d[i + 4];
        out.dstLo = d[i + 5];
        out.packets = d[i + 6];
        out.bytes = d[i + 7];
        out.startMillis = d[i + 8];
        out.endMillis = d[i + 9];
        out.pktSrcHi = d[i + 10];
        out.pktSrcLo = d[i + 11];
        out.pktDstHi = d[i + 12];
        out.pktDstLo = d[i + 13];
        long p = d[i + 14];
        out.sourceId = high(p);
        out.version = low(p);
        p = d[i + 15];
        out.srcPort = high(p);
        out.dstPort = low(p);
        p = d[i + 16];
        out.protocol = high(p);
        out.tcpFlags = low(p);
        p = d[i + 17];
        out.trafficPath = high(p);
        int small = low(p);
        out.action = (byte) small;
        out.logStatus = (byte) (small >>> 8);
        out.flowDirection = (byte) (small >>> 16);
        out.hasInterfaceId = (small & HAS_INTERFACE_ID) != 0;
        out.hasSrcAddr = (small & HAS_SRC_ADDR) != 0;
        out.hasDstAddr = (small & HAS_DST_ADDR) != 0;
        out.hasPktSrcAddr = (small & HAS_PKT_SRC_ADDR) != 0;
        out.hasPktDstAddr = (small & HAS_PKT_DST_ADDR) != 0;
    }

    /** The line number of record {@code index}, without unpacking it. */
    long line(int index) {
        return data[index * STRIDE];
    }

    private static long pair(int high, int low) {
        return (long) high << 32 | (low & 0xFFFF_FFFFL);
    }

    private static int high(long pair) {
        return (int) (pair >>> 32);
    }

    private static int low(long pair) {
        return (int) pair;
    }
}
