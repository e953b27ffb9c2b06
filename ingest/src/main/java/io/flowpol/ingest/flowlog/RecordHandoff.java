package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * The bounded, order-keeping queue between {@link PipelinedFlowLogReader}'s parsing thread and
 * its consumer: a fixed set of {@link RecordBatch}es circulates between a free and a filled
 * queue, so memory is bounded by {@code batches × capacity} records whatever the input size, and
 * the consumer sees exactly the parser's record sequence.
 */
final class RecordHandoff implements FlowSink {
    /** Marks the end of the input on the filled queue. */
    private static final RecordBatch END = new RecordBatch(0);

    private final BlockingQueue<RecordBatch> free;
    /** One slot more than there are batches, so that {@link #close()} never blocks. */
    private final BlockingQueue<RecordBatch> filled;
    private RecordBatch current;
    private volatile boolean cancelled;

    RecordHandoff(int batches, int capacity) {
        free = new ArrayBlockingQueue<>(batches);
        filled = new ArrayBlockingQueue<>(batches + 1);
        for (int i = 1; i < batches; i++) {
            free.add(new RecordBatch(capacity));
        }
        current = new RecordBatch(capacity);
    }

    /** Parsing side: copies the record, passing the batch on when it is full. */
    @Override
    public void accept(FlowRecord record) {
        current.add(record);
        if (current.isFull()) {
            filled.add(current);
            current = await(free);
        }
    }

    /** Parsing side, always called last (also after a failure): passes what is left and the end mark. */
    void close() {
        if (current != null && current.size > 0) {
            filled.add(current);
        }
        current = null;
        filled.add(END);
    }

    /** Consuming side: the next batch in parse order, or null at the end. */
    RecordBatch take() {
        RecordBatch batch = await(filled);
        return batch == END ? null : batch;
    }

    /** Consuming side: returns a consumed batch for reuse. */
    void recycle(RecordBatch batch) {
        batch.size = 0;
        free.add(batch);
    }

    /** Consuming side: the consumer failed; the parsing side stops at its next hand-off. */
    void cancel() {
        cancelled = true;
    }

    private RecordBatch await(BlockingQueue<RecordBatch> queue) {
        try {
            if (cancelled) {
                throw new CancellationException("the consumer of the flow-log records failed");
            }
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while handing over flow-log records");
        }
    }
}
