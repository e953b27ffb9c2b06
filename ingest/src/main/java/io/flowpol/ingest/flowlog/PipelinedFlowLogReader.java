package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowSink;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads flow logs like {@link FlowLogReader}, with the reading, gzip inflation and parsing on a
 * thread of their own when {@code threads} is 2, so that a consumer such as
 * {@code FlowInference} runs on the calling thread in parallel (GitHub issue 7: both cores).
 * (Inflating on a third thread was measured: about a third more CPU for no wall-time gain on
 * two cores, so it is not done.)
 *
 * <p>The records reach the sink in exactly the order {@link FlowLogReader} gives them, in
 * batches through a bounded {@link RecordHandoff}: the consumer's result is the same with 1 and
 * 2 threads, and the joins that need records in time order (DESIGN.md fact 1) see the same
 * order. The sink is only ever called from the calling thread.
 */
public final class PipelinedFlowLogReader {
    /** Large enough to amortise the queue hand-off, small enough to stay in the L2 cache. */
    static final int BATCH_RECORDS = 2048;
    /** Batches in flight: lets either side run ahead by a few batches without growing memory. */
    static final int BATCHES = 8;

    private final FlowLogOptions options;
    private final int threads;

    /**
     * @param threads 1: read, parse and consume on the calling thread; 2: read and parse on a
     *     second thread
     */
    public PipelinedFlowLogReader(FlowLogOptions options, int threads) {
        if (options == null) {
            throw new IllegalArgumentException("options == null");
        }
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("threads must be 1 or 2: " + threads);
        }
        this.options = options;
        this.threads = threads;
    }

    /**
     * Reads {@code files} in order into {@code sink}, which is called on this thread only.
     *
     * @return the same statistics as {@link FlowLogReader#read}
     * @throws io.flowpol.inference.model.InputException as {@link FlowLogReader#read} does, and
     *     any exception the sink throws (the parsing thread is then stopped)
     */
    public FlowLogStats read(List<Path> files, FlowSink sink) {
        if (threads == 1) {
            return new FlowLogReader(options).read(files, sink);
        }
        RecordHandoff handoff = new RecordHandoff(BATCHES, BATCH_RECORDS);
        FutureTask<FlowLogStats> parsing = new FutureTask<>(() -> {
            try {
                return new FlowLogReader(options).read(files, handoff);
            } finally {
                handoff.close();
            }
        });
        Thread parser = new Thread(parsing, "flowpol-flowlog-parser");
        parser.setDaemon(true);
        parser.start();
        try {
            for (RecordBatch batch = handoff.take(); batch != null; batch = handoff.take()) {
                for (int i = 0; i < batch.size; i++) {
                    sink.accept(batch.records[i]);
                }
                handoff.recycle(batch);
            }
        } catch (RuntimeException | Error e) {
            handoff.cancel();
            parser.interrupt();
            throw e;
        }
        return result(parsing);
    }

    /** The parsing thread's statistics, or its failure rethrown as it was thrown there. */
    private static FlowLogStats result(FutureTask<FlowLogStats> parsing) {
        try {
            return parsing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the flow-log parser", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
