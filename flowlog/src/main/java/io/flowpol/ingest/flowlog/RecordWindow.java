package io.flowpol.ingest.flowlog;

import java.util.Arrays;

/**
 * One file's records by start, ties by arrival (file order), for {@link MergeSource}'s window.
 * Flow-log starts are whole seconds and a file's run back by at most one aggregation interval,
 * so the records sit in a ring of one bucket per second, each a list in (start, arrival) order:
 * a record is appended at its bucket's tail (a second's records come in file order) and the
 * earliest is taken from the first non-empty bucket, a few operations each where a binary heap
 * over the window's hundreds of records cost a sift of nine levels per record (issue 13: the
 * merge was a tenth of the consuming thread). A record outside the ring's span (a file that
 * jumps minutes ahead or runs back further than the ring) goes to a {@link RecordHeap} beside
 * it; the two are merged by (start, arrival).
 */
final class RecordWindow {
    /** Seconds the ring spans: over four aggregation intervals of a minute. */
    private static final int BUCKETS = 256;
    private static final int MASK = BUCKETS - 1;
    private static final int NONE = -1;

    private final int[] head = new int[BUCKETS];
    private final int[] tail = new int[BUCKETS];
    /**
     * Per bucket, its records whose start is not the bucket's whole second. Flow-log starts are
     * whole seconds, so this is nearly always 0 and the earliest start is the first bucket's
     * second, known without reading the head record's start: with a minute of records in the
     * window (S3 delivery) that read missed the cache, twice per record merged (issue 13: 9 % of
     * the consuming thread on the high-cardinality input, JFR with -XX:+DebugNonSafepoints).
     */
    private final int[] offSecond = new int[BUCKETS];
    private long[] starts = new long[256];
    private long[] arrivals = new long[256];
    /** The batch holding each record, packed, at {@link #indexes}: see {@link MergeSource} for why. */
    private RecordBatch[] refs = new RecordBatch[256];
    private int[] indexes = new int[256];
    private int[] next = new int[256];
    private int free = NONE;
    private int used;
    private int ringSize;
    /** The second of the earliest ring bucket that may hold records, and the latest second added since the ring was empty. */
    private long baseSecond;
    private long maxSecond;
    private final RecordHeap outside = new RecordHeap();
    /** The index in its batch of the record {@link #removeMin} took out last. */
    private int removedIndex;
    private long arrived;

    RecordWindow() {
        Arrays.fill(head, NONE);
        Arrays.fill(tail, NONE);
    }

    int size() {
        return ringSize + outside.size();
    }

    /** The earliest record's start; the window is not empty. */
    long minStart() {
        if (ringSize == 0) {
            return outside.minStart();
        }
        int b = firstBucket();
        long ring = offSecond[b] == 0 ? baseSecond * 1000 : starts[head[b]];
        return outside.size() == 0 ? ring : Math.min(ring, outside.minStart());
    }

    /**
     * Adds the record at {@code index} of {@code ref}, whose start is {@code start} (passed so that
     * the record is not read); it stays packed there until removed.
     */
    void add(RecordBatch ref, int index, long start) {
        long arrival = arrived++;
        long second = Math.floorDiv(start, 1000);
        if (ringSize == 0) {
            baseSecond = second;
            maxSecond = second;
        } else if (second < baseSecond && maxSecond - second < BUCKETS) {
            baseSecond = second;
        }
        if (second < baseSecond || second - baseSecond >= BUCKETS) {
            outside.add(ref, index, start, arrival);
            return;
        }
        if (second > maxSecond) {
            maxSecond = second;
        }
        int slot = slot();
        starts[slot] = start;
        arrivals[slot] = arrival;
        refs[slot] = ref;
        indexes[slot] = index;
        int b = (int) (second & MASK);
        if (start != second * 1000) {
            offSecond[b]++;
        }
        int t = tail[b];
        if (t == NONE) {
            head[b] = slot;
            tail[b] = slot;
            next[slot] = NONE;
        } else if (starts[t] <= start) {
            next[t] = slot;
            tail[b] = slot;
            next[slot] = NONE;
        } else {
            insertSorted(b, slot, start);
        }
        ringSize++;
    }

    /** Removes the earliest record and returns its batch, its index there in {@link #removedIndex()}; the window is not empty. */
    RecordBatch removeMin() {
        if (ringSize == 0) {
            return removeOutside();
        }
        int b = firstBucket();
        int slot = head[b];
        if (outside.size() != 0 && outsideFirst(slot)) {
            return removeOutside();
        }
        head[b] = next[slot];
        if (head[b] == NONE) {
            tail[b] = NONE;
        }
        if (offSecond[b] != 0 && starts[slot] != baseSecond * 1000) {
            offSecond[b]--;
        }
        RecordBatch ref = refs[slot];
        removedIndex = indexes[slot];
        refs[slot] = null;
        next[slot] = free;
        free = slot;
        ringSize--;
        return ref;
    }

    int removedIndex() {
        return removedIndex;
    }

    private RecordBatch removeOutside() {
        RecordBatch ref = outside.removeMin();
        removedIndex = outside.removedIndex();
        return ref;
    }

    private boolean outsideFirst(int slot) {
        long start = outside.minStart();
        return start < starts[slot] || (start == starts[slot] && outside.minArrival() < arrivals[slot]);
    }

    /** The bucket of the earliest ring record, moving the base past empty seconds; the ring is not empty. */
    private int firstBucket() {
        while (head[(int) (baseSecond & MASK)] == NONE) {
            baseSecond++;
        }
        return (int) (baseSecond & MASK);
    }

    /** A start of the same second but earlier than the bucket's tail (sub-second starts): in order. */
    private void insertSorted(int b, int slot, long start) {
        int prev = NONE;
        int at = head[b];
        while (at != NONE && starts[at] <= start) {
            prev = at;
            at = next[at];
        }
        next[slot] = at;
        if (prev == NONE) {
            head[b] = slot;
        } else {
            next[prev] = slot;
        }
    }

    private int slot() {
        if (free != NONE) {
            int slot = free;
            free = next[slot];
            return slot;
        }
        if (used == refs.length) {
            int capacity = used * 2;
            starts = Arrays.copyOf(starts, capacity);
            arrivals = Arrays.copyOf(arrivals, capacity);
            refs = Arrays.copyOf(refs, capacity);
            indexes = Arrays.copyOf(indexes, capacity);
            next = Arrays.copyOf(next, capacity);
        }
        return used++;
    }
}
