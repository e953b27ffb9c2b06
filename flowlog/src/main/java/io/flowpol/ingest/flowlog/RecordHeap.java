package io.flowpol.ingest.flowlog;

import java.util.Arrays;

/**
 * A binary min-heap of records by start, ties by arrival (file order): the records of one file
 * that fall outside the span of its {@link RecordWindow}'s ring (within an aggregation interval
 * a file's records come in any start order, so sorted insertion would be quadratic; the heap
 * costs a few comparisons of primitive longs per record and no allocation once grown).
 */
final class RecordHeap {
    private long[] starts = new long[64];
    private long[] arrivals = new long[64];
    /** The batch holding each record, packed, at {@link #indexes}. */
    private RecordBatch[] refs = new RecordBatch[64];
    private int[] indexes = new int[64];
    private int size;
    /** The index in its batch of the record {@link #removeMin} took out last. */
    private int removedIndex;

    int size() {
        return size;
    }

    /** The earliest record's start; the heap is not empty. */
    long minStart() {
        return starts[0];
    }

    /** Adds the record at {@code index} of {@code batch}, whose start is {@code start} and arrival number {@code arrival}, ordered by both. */
    void add(RecordBatch ref, int index, long start, long arrival) {
        if (size == refs.length) {
            int capacity = Math.max(64, size * 2);
            starts = Arrays.copyOf(starts, capacity);
            arrivals = Arrays.copyOf(arrivals, capacity);
            refs = Arrays.copyOf(refs, capacity);
            indexes = Arrays.copyOf(indexes, capacity);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(start, arrival, starts[parent], arrivals[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, start, arrival, ref, index);
    }

    int removedIndex() {
        return removedIndex;
    }

    /** The earliest record's arrival number; the heap is not empty. */
    long minArrival() {
        return arrivals[0];
    }

    /** Removes the earliest record and returns its batch (its index there in {@link #removedIndex}); the heap is not empty. */
    RecordBatch removeMin() {
        RecordBatch min = refs[0];
        removedIndex = indexes[0];
        int last = --size;
        long start = starts[last];
        long arrival = arrivals[last];
        RecordBatch ref = refs[last];
        int index = indexes[last];
        refs[last] = null;
        if (last > 0) {
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < last && before(starts[right], arrivals[right], starts[child], arrivals[child])) {
                    child = right;
                }
                if (!before(starts[child], arrivals[child], start, arrival)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            set(i, start, arrival, ref, index);
        }
        return min;
    }

    private static boolean before(long startA, long arrivalA, long startB, long arrivalB) {
        return startA < startB || (startA == startB && arrivalA < arrivalB);
    }

    private void move(int from, int to) {
        starts[to] = starts[from];
        arrivals[to] = arrivals[from];
        refs[to] = refs[from];
        indexes[to] = indexes[from];
    }

    private void set(int i, long start, long arrival, RecordBatch ref, int index) {
        starts[i] = start;
        arrivals[i] = arrival;
        refs[i] = ref;
        indexes[i] = index;
    }
}
