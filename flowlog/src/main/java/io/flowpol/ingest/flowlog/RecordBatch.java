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
    /** The lines a {@link ParsePool} batch was parsed from, when they were cut off the file ({@link FlowLogReader#cut}); reused. */
    LineChunk chunk;
    /** The batch holds a chunk's records, whose tallies are added to its file's when it is passed on in order. */
    boolean fromChunk;

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
