package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * The bounded, order-keeping queue between one of {@link PipelinedFlowLogReader}'s parsing
 * threads and the consumer: a fixed set of {@link RecordBatch}es circulates between a free and a
 * filled queue, so memory is bounded by {@code batches × capacity} records whatever the input
 * size, and the consumer sees exactly the parser's record sequence, each unit's records followed
 * by its {@link UnitEnd}.
 */
final class RecordHandoff implements FlowSink {
    private static final long PRODUCER_CHECK_MILLIS = 200;

    private final BlockingQueue<RecordBatch> free;
    /** As large as the whole set, so that passing a batch on never blocks. */
    private final BlockingQueue<RecordBatch> filled;
    private final int capacity;
    private RecordBatch current;
    private volatile boolean cancelled;

    RecordHandoff(int batches, int capacity) {
        this.capacity = capacity;
        free = new ArrayBlockingQueue<>(batches);
        filled = new ArrayBlockingQueue<>(batches);
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
            current = null;
            current = nextFree();
        }
    }

    /**
     * Parsing side: passes what is left of the unit with how it ended; {@code more} says whether
     * this thread has another unit to fill batches for.
     */
    void endUnit(UnitEnd end, boolean more) {
        RecordBatch last = current;
        current = null;
        last.unitEnd = end;
        filled.add(last);
        if (more) {
            current = nextFree();
        }
    }

    private RecordBatch nextFree() {
        return await(free);
    }

    /**
     * Consuming side: the next batch in parse order. Waits in slices and checks that
     * {@code producer} is still alive, so that a parsing thread that died without passing on its
     * unit's end (a bug, never an input error: those ride on the {@link UnitEnd}) fails the read
     * instead of hanging it.
     */
    RecordBatch take(Thread producer) {
        try {
            while (true) {
                RecordBatch batch = filled.poll(PRODUCER_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    return batch;
                }
                if (!producer.isAlive()) {
                    batch = filled.poll();
                    if (batch != null) {
                        return batch;
                    }
                    throw new IllegalStateException(producer.getName() + " ended without passing on its unit");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while taking flow-log records");
        }
    }

    /** Consuming side: returns a consumed batch for reuse. */
    void recycle(RecordBatch batch) {
        batch.clear();
        batch.unitEnd = null;
        free.add(batch);
    }

    /** Consuming side: the read is abandoned; the parsing side stops at its next hand-off. */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
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
