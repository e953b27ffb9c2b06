package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import java.util.Arrays;

/**
 * The consuming side of one file of a {@link TimeOrderedFlowLogReader} read: its batches from
 * the read's {@link ParsePool}, and a window of records taken out of the batches, ordered by start
 * (a tie keeps file order) in a {@link RecordWindow}. A flow-log file is in order of capture (the end of each
 * aggregation interval), so starts within it run back by up to one interval; the window holds a
 * record until a record {@code tolerance} later has been read, after which nothing earlier can
 * come from this file.
 *
 * <p>A record taken out of a batch is unpacked into a spare cursor, which goes back to the spares
 * once the sink has seen it, so the merge allocates nothing per record, and its cursors never
 * leave the consuming thread ({@link RecordBatch} says why that matters).
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
    void fill(long tolerance, Spares spares) {
        while (!ended() && (isEmpty() || (maxStart >= 0 && headStart() >= maxStart - tolerance))) {
            pull(spares);
        }
    }

    /** The head record, out of the window; give it back to the spares once the sink has seen it. */
    FlowRecord removeHead() {
        return window.removeMin();
    }

    private void pull(Spares spares) {
        while (batch == null || next == batch.size) {
            if (batch != null) {
                UnitEnd end = batch.unitEnd;
                pool.recycle(batch);
                batch = null;
                if (end != null) {
                    end(end);
                    return;
                }
            }
            batch = pool.take(feed, window.size());
            next = 0;
        }
        FlowRecord r = spares.take();
        batch.read(next, r);
        long start = batch.starts[next++];
        window.add(r, start);
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

    /** Cursors to put into batches in place of the records taken out; shared by all files of a read. */
    static final class Spares {
        private FlowRecord[] stack = new FlowRecord[256];
        private int size;

        FlowRecord take() {
            return size == 0 ? new FlowRecord() : stack[--size];
        }

        void give(FlowRecord r) {
            if (size == stack.length) {
                stack = Arrays.copyOf(stack, size * 2);
            }
            stack[size++] = r;
        }
    }
}
