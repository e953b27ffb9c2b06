package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads flow logs like {@link FlowLogReader}, with the reading, gzip inflation and parsing on two
 * threads of their own when {@code threads} is 2, so that a consumer such as
 * {@code FlowInference} runs on the calling thread in parallel (GitHub issue 7: both cores; the
 * OS shares the two cores among the three threads).
 *
 * <p>The input is cut into {@link ReadUnit}s by {@link UnitPlanner} (a file each, and byte ranges
 * of a large plain file); the parsers take alternate units, each into its own bounded
 * {@link RecordHandoff}, and the consumer takes the units back in input order: unit 0 from the
 * first parser, unit 1 from the second, and so on. So the sink sees exactly the record sequence
 * {@link FlowLogReader} gives, every field, {@code sourceId} and {@code line} included (the
 * consumer adds each range's line base), the joins that need records in time order (DESIGN.md
 * fact 1) see the same order, and the result is the same with 1 and 2 threads. The sink is only
 * ever called from the calling thread.
 */
public final class PipelinedFlowLogReader {
    /** Large enough to amortise the queue hand-off, small enough to stay in the L2 cache. */
    static final int BATCH_RECORDS = 2048;
    /**
     * Batches per parser. While the consumer drains one parser's unit the other parser runs
     * ahead by at most this many batches; a unit that fits (32 Ki records, about 5 MB of
     * cursors) is parsed whole in that time, so both parsers stay busy.
     */
    static final int BATCHES = 16;
    /**
     * Nominal range of a large plain file: about 19 Ki v2 records, so that a range fits in a
     * parser's {@link #BATCHES}. (A gzip file is one unit whatever its size; S3 delivery writes
     * files of a few minutes each.)
     */
    static final long UNIT_BYTES = 2L * 1024 * 1024;

    private final FlowLogOptions options;
    private final int threads;
    private final long unitBytes;

    /**
     * @param threads 1: read, parse and consume on the calling thread; 2: read and parse on two
     *     more threads
     */
    public PipelinedFlowLogReader(FlowLogOptions options, int threads) {
        this(options, threads, UNIT_BYTES);
    }

    /** With a chosen range size, so that tests can cut small files into many ranges. */
    PipelinedFlowLogReader(FlowLogOptions options, int threads, long unitBytes) {
        if (options == null) {
            throw new IllegalArgumentException("options == null");
        }
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("threads must be 1 or 2: " + threads);
        }
        this.options = options;
        this.threads = threads;
        this.unitBytes = unitBytes;
    }

    /**
     * Reads {@code files} in order into {@code sink}, which is called on this thread only.
     *
     * @return the same statistics as {@link FlowLogReader#read}
     * @throws InputException as {@link FlowLogReader#read} does (the same first one, after the
     *     same records), and any exception the sink throws; the parsing threads are then stopped
     */
    public FlowLogStats read(List<Path> files, FlowSink sink) {
        return read(files, sink, InputProgress.none());
    }

    /**
     * As {@link #read(List, FlowSink)}, counting the bytes read from the files into
     * {@code progress} (for a progress line; see {@link InputProgress#of}).
     */
    public FlowLogStats read(List<Path> files, FlowSink sink, InputProgress progress) {
        try (Reading reading = start(files, progress)) {
            return reading.into(sink);
        }
    }

    /**
     * Starts reading {@code files} now, before there is a sink: with two threads the parsers
     * begin (and fill their bounded queues) while the caller prepares the consumer, e.g. reads
     * the cluster recording (issue 7: the parsers' JIT warm-up then overlaps it). Call
     * {@link Reading#into} once, or close the reading to stop the parsers.
     */
    public Reading start(List<Path> files, InputProgress progress) {
        return threads == 1 ? new Reading(files, progress) : new Reading(files, progress, options, unitBytes);
    }

    /** A started read of flow-log files; see {@link #start}. Not thread-safe: one consumer thread. */
    public final class Reading implements FlowLogReading {
        private final List<Path> files;
        private final InputProgress progress;
        private final List<ReadUnit> units;
        private final RecordHandoff[] handoffs;
        private final Thread[] parsers;
        private boolean consumed;

        /** One thread: nothing runs before {@link #into}. */
        private Reading(List<Path> files, InputProgress progress) {
            this.files = List.copyOf(files);
            this.progress = progress;
            this.units = null;
            this.handoffs = null;
            this.parsers = null;
        }

        private Reading(List<Path> files, InputProgress progress, FlowLogOptions options, long unitBytes) {
            this.files = List.copyOf(files);
            this.progress = progress;
            this.units = new UnitPlanner(options, unitBytes).plan(this.files);
            this.handoffs = new RecordHandoff[2];
            this.parsers = new Thread[2];
            for (int p = 0; p < 2; p++) {
                List<ReadUnit> share = new ArrayList<>();
                for (int u = p; u < units.size(); u += 2) {
                    share.add(units.get(u));
                }
                handoffs[p] = new RecordHandoff(BATCHES, BATCH_RECORDS);
                parsers[p] = new Thread(new UnitParser(new FlowLogReader(options, progress), share, handoffs[p]),
                        "flowpol-flowlog-parser-" + p);
                parsers[p].setDaemon(true);
                parsers[p].start();
            }
        }

        /**
         * Passes every record to {@code sink} on this thread, in input order.
         *
         * @return the same statistics as {@link FlowLogReader#read}
         * @throws InputException as {@link FlowLogReader#read} does (the same first one, after the
         *     same records), and any exception the sink throws; the parsing threads are then stopped
         */
        @Override
        public FlowLogStats into(FlowSink sink) {
            if (consumed) {
                throw new IllegalStateException("a reading is consumed once");
            }
            consumed = true;
            if (parsers == null) {
                return new FlowLogReader(options, progress).read(files, sink);
            }
            FlowLogStats stats;
            try {
                stats = consume(units, handoffs, parsers, sink);
            } catch (RuntimeException | Error e) {
                stop(handoffs, parsers, true);
                throw e;
            }
            // Both have passed their last unit on and are ending: wait, so that none outlives the read.
            stop(handoffs, parsers, false);
            return stats;
        }

        /** Stops the parsers of a reading that was never consumed (the caller failed first); else nothing. */
        @Override
        public void close() {
            if (!consumed && parsers != null) {
                consumed = true;
                stop(handoffs, parsers, true);
            }
        }
    }

    /** Takes the units back in input order, unit {@code u} from parser {@code u % 2}. */
    private FlowLogStats consume(List<ReadUnit> units, RecordHandoff[] handoffs, Thread[] parsers, FlowSink sink) {
        FlowLogCounters counters = new FlowLogCounters(options.maxProblemSamples());
        long lineBase = 0;
        FlowRecord cursor = new FlowRecord();
        for (int u = 0; u < units.size(); u++) {
            FlowLogCounters unit = drain(handoffs[u % 2], parsers[u % 2], lineBase, cursor, sink);
            counters.absorb(unit, lineBase);
            if (units.get(u).last()) {
                counters.files++;
                lineBase = 0;
            } else {
                lineBase += unit.lines;
            }
        }
        return counters.toStats();
    }

    /**
     * Passes one unit's records to the sink, unpacked into the consumer's {@code cursor}, lines made
     * the input's; its tallies, or its failure rethrown.
     */
    private static FlowLogCounters drain(RecordHandoff handoff, Thread parser, long lineBase, FlowRecord cursor, FlowSink sink) {
        while (true) {
            RecordBatch batch = handoff.take(parser);
            for (int i = 0; i < batch.size(); i++) {
                batch.read(i, cursor);
                cursor.line += lineBase;
                sink.accept(cursor);
            }
            UnitEnd end = batch.unitEnd;
            handoff.recycle(batch);
            if (end != null) {
                if (end.failure() != null) {
                    throw rebased(end.failure(), lineBase);
                }
                return end.counters();
            }
        }
    }

    /** A unit's failure as the sequential reader throws it: the same exception, its line the input's. */
    private static RuntimeException rebased(Throwable failure, long lineBase) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof InputException e && lineBase > 0) {
            return new InputException(FlowLogCounters.rebase(e.problem(), lineBase), e.getCause());
        }
        return (RuntimeException) failure;
    }

    /** Waits for the parsing threads to end, first cancelling their hand-offs if the read failed. */
    private static void stop(RecordHandoff[] handoffs, Thread[] parsers, boolean cancel) {
        for (int p = 0; cancel && p < 2; p++) {
            handoffs[p].cancel();
            parsers[p].interrupt();
        }
        for (Thread parser : parsers) {
            ParserThreads.join(parser);
        }
    }
}
