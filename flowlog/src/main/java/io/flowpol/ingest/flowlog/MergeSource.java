package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;

/**
 * The consuming side of one file of a {@link TimeOrderedFlowLogReader} read: its batches from
 * the read's {@link ParsePool}, and a window of records taken out of the batches, ordered by start
 * (a tie keeps file order) in a {@link RecordWindow}. A flow-log file is in order of capture (the end of each
 * aggregation interval), so starts within it run back by up to one interval; the window holds a
 * record until a record {@code tolerance} later has been read, after which nothing earlier can
 * come from this file.
 *
 * <p>The window holds a record where the worker packed it, in its batch ({@link RecordBatch}),
 * and it is unpacked once, into the consumer's cursor, when the sink takes it; a batch goes back
 * to the pool when its last record has. Why not unpack as a record enters the window, into a
 * spare cursor (issue 13, measured both ways): the spare had left the caches again by the time
 * the sink read it, a minute of records later, while records taken one after another from a file
 * mostly lie side by side in its batch, so one cache line serves several. Consuming thread −24 %
 * on the per-ENI custom input and −28 % on high cardinality, one JVM, 5 of 5 alternating runs.
 */
final class MergeSource {
    final int id;
    final ReadUnit unit;
    /** {@link FirstStart} of the file: the merge opens it when it gets within the tolerance of it. */
    final long firstStart;
    /** Set when the file is opened: its batches, parsed by the read's workers. */
    ParsePool.Feed feed;
    private ParsePool pool;
    /** Set when the file is read to its end; its tallies. */
    FlowLogCounters counters;

    private RecordBatch batch;
    private int next;
    /** Set when the file is opened; an ended file's window serves the next file. */
    RecordWindow window;
    private long maxStart = Long.MIN_VALUE;

    MergeSource(int id, ReadUnit unit, long firstStart) {
        this.id = id;
        this.unit = unit;
        this.firstStart = firstStart;
    }

    boolean started() {
        return feed != null;
    }

    void open(ParsePool pool, RecordWindow window) {
        this.pool = pool;
        this.window = window;
        feed = pool.feed(unit);
        pool.demand(feed);
    }

    boolean ended() {
        return counters != null;
    }

    boolean isEmpty() {
        return window.size() == 0;
    }

    long headStart() {
        return window.minStart();
    }

    /**
     * Reads until the head record is final (a record more than {@code tolerance} later has been
     * read, so the file holds nothing earlier) or the file ends. Records without a start (a
     * format without the field) are final at once: there is no time to order them by.
     *
     * @throws RuntimeException the failure that ended the file (as the sequential reader throws it)
     */
    void fill(long tolerance) {
        while (!ended() && (isEmpty() || (maxStart >= 0 && headStart() >= maxStart - tolerance))) {
            pull();
        }
    }

    /** The head record, out of the window, unpacked into {@code cursor}. */
    void removeHead(FlowRecord cursor) {
        RecordBatch held = window.removeMin();
        held.read(window.removedIndex(), cursor);
        if (--held.pending == 0 && held.drained) {
            pool.unpin(held);
        }
    }

    private void pull() {
        while (batch == null || next == batch.size()) {
            if (batch != null) {
                // Read before the batch may go back to the pool, which clears it.
                UnitEnd end = batch.unitEnd;
                if (batch.pending == 0) {
                    pool.recycle(batch);
                } else {
                    batch.drained = true;
                    pool.pin();
                }
                batch = null;
                if (end != null) {
                    end(end);
                    return;
                }
            }
            batch = pool.take(feed, window.size());
            next = 0;
        }
        long start = batch.starts[next];
        batch.pending++;
        window.add(batch, next++, start);
        if (start > maxStart) {
            maxStart = start;
        }
    }

    private void end(UnitEnd end) {
        if (end.failure() instanceof Error error) {
            throw error;
        }
        if (end.failure() != null) {
            throw (RuntimeException) end.failure();
        }
        counters = end.counters();
    }
}
