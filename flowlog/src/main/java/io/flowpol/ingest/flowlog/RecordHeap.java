package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
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
    private FlowRecord[] records = new FlowRecord[64];
    private int size;

    int size() {
        return size;
    }

    /** The earliest record's start; the heap is not empty. */
    long minStart() {
        return starts[0];
    }

    /** Adds {@code r}, whose start is {@code start} and arrival number {@code arrival}, ordered by both. */
    void add(FlowRecord r, long start, long arrival) {
        if (size == records.length) {
            int capacity = Math.max(64, size * 2);
            starts = Arrays.copyOf(starts, capacity);
            arrivals = Arrays.copyOf(arrivals, capacity);
            records = Arrays.copyOf(records, capacity);
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
        set(i, start, arrival, r);
    }

    /** The earliest record's arrival number; the heap is not empty. */
    long minArrival() {
        return arrivals[0];
    }

    /** Removes and returns the earliest record; the heap is not empty. */
    FlowRecord removeMin() {
        FlowRecord min = records[0];
        int last = --size;
        long start = starts[last];
        long arrival = arrivals[last];
        FlowRecord r = records[last];
        records[last] = null;
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
            set(i, start, arrival, r);
        }
        return min;
    }

    private static boolean before(long startA, long arrivalA, long startB, long arrivalB) {
        return startA < startB || (startA == startB && arrivalA < arrivalB);
    }

    private void move(int from, int to) {
        starts[to] = starts[from];
        arrivals[to] = arrivals[from];
        records[to] = records[from];
    }

    private void set(int i, long start, long arrival, FlowRecord r) {
        starts[i] = start;
        arrivals[i] = arrival;
        records[i] = r;
    }
}
