package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;

/**
 * A run of parsed records handed from the parsing thread to the consuming one. The cursors are
 * allocated once and refilled for every batch, so the hand-off allocates nothing per record
 * (STYLE.md habit 5); a batch is owned by one thread at a time, the queues of
 * {@link RecordHandoff} passing ownership (and, with it, visibility of its fields).
 */
final class RecordBatch {
    final FlowRecord[] records;
    /**
     * Each record's start, beside the records: {@link TimeOrderedFlowLogReader} orders by it without
     * touching the record itself, which another core wrote (one cache miss per record saved).
     */
    final long[] starts;
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

    RecordBatch(int capacity) {
        records = new FlowRecord[capacity];
        starts = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            records[i] = new FlowRecord();
        }
    }

    boolean isFull() {
        return size == records.length;
    }

    /** Copies the parser's cursor into the next slot. */
    void add(FlowRecord record) {
        starts[size] = record.startMillis;
        records[size++].copyFrom(record);
    }
}
