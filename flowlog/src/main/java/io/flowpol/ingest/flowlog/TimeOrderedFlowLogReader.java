package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads several flow-log files merged by record start, so that the records of one connection
 * captured at different ENIs reach the join together whatever the file layout (DESIGN.md fact
 * 14, GitHub issue 13): one file per ENI (exports of CloudWatch Logs streams, each covering the
 * whole window) as well as S3 delivery files of a few minutes each.
 *
 * <p>The order is that of CloudWatch Logs' FilterLogEvents over the same records: by start,
 * then by file (in the given order, i.e. by path: an export named by its stream sorts like the
 * stream), then by position in the file. Within a file starts may run back by up to one
 * aggregation interval (records are written at its end); up to {@link #TOLERANCE_MILLIS} the
 * merge puts them in order ({@link MergeSource}), a record later still is passed on at once.
 *
 * <p>A pool of {@code threads} workers ({@link ParsePool}) parses the files a batch at a time,
 * each file opened when the merge gets near its first record ({@link FirstStart}) and a few
 * files ahead. The consumer is a k-way merge over a heap of files keyed by their next record's
 * start: no allocation per record, memory bounded by one shared budget of batches
 * ({@link #BUDGET_RECORDS}, or what the merge holds back if more) and one tolerance of records.
 * Records, statistics and the first error do not depend on the thread count; statistics (and
 * problem samples) are those of reading the files one by one.
 */
public final class TimeOrderedFlowLogReader {
    /**
     * How far starts may run back within one file: the longest aggregation interval of Nitro
     * instances (DESIGN.md fact 1). Records of ten-minute intervals (older instance types) may
     * come later than this; they are passed on unsorted, within the join's horizon.
     */
    static final long TOLERANCE_MILLIS = 60_000;
    /** Files started ahead of the merge, so that both cores parse while files follow one another. */
    static final int PREFETCH = 4;
    /**
     * Records parsed ahead of the merge, all files together (GitHub issue 13: a full hand-off per
     * open file held 214 k records on a per-ENI read). Exceeded only by a file that has no batch
     * at all while the merge waits on it.
     */
    static final int BUDGET_RECORDS = 32 * 1024;
    /** Batches ahead per file: S3 files, read a few at a time, are parsed ahead while one is merged. */
    private static final int DEPTH = 8;
    private static final int MIN_BATCH = 64;
    private static final int READ_BUFFER = 64 * 1024;

    private final FlowLogOptions options;
    private final int threads;

    /** @param threads how many files are parsed at a time: 1 or 2 */
    public TimeOrderedFlowLogReader(FlowLogOptions options, int threads) {
        if (options == null) {
            throw new IllegalArgumentException("options == null");
        }
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("threads must be 1 or 2: " + threads);
        }
        this.options = options;
        this.threads = threads;
    }

    /** Reads {@code files} merged by time into {@code sink}, which is called on this thread only. */
    public FlowLogStats read(List<Path> files, FlowSink sink) {
        try (FlowLogReading reading = start(files, InputProgress.none())) {
            return reading.into(sink);
        }
    }

    /** Peeks at every file's first record and starts the parsers of the first files. */
    public FlowLogReading start(List<Path> files, InputProgress progress) {
        return new Reading(List.copyOf(files), progress);
    }

    final class Reading implements FlowLogReading {
        private final InputProgress progress;
        /** By file id; null once the file has ended and its tallies are taken ({@link #ended}). */
        private final MergeSource[] sources;
        /** Source ids in the order the merge opens them: by first start minus the tolerance, then id. */
        private final int[] openOrder;
        /** The position of each source id in {@link #openOrder}. */
        private final int[] rank;
        private final SourceHeap heap;
        /** Where each record is unpacked for the sink. */
        private final FlowRecord cursor = new FlowRecord();
        private final ArrayDeque<RecordWindow> windows = new ArrayDeque<>();
        private final ParsePool pool;
        private int opened;
        private boolean consumed;
        /** The read's tallies: each file's added when it ends, but for what depends on file order. */
        private FlowLogCounters counters;
        /**
         * What the stats take from an ended file in file order (formats first seen, problem samples):
         * its format, interned, where that is all ({@link FlowLogCounters#onlyFormatSample}), else its
         * tallies. So an ended file leaves a reference, not its reader's state (issue 13 item 3: S3
         * delivery writes a file every five minutes, and a read of weeks kept thousands).
         */
        private final FlowLogFormat[] formatOf;
        private final Map<Integer, FlowLogCounters> samplesOf = new HashMap<>();
        private final Map<FlowLogFormat, FlowLogFormat> formats = new HashMap<>();

        Reading(List<Path> files, InputProgress progress) {
            this.progress = progress;
            sources = new MergeSource[files.size()];
            formatOf = new FlowLogFormat[files.size()];
            heap = new SourceHeap(files.size());
            SourceHeap order = new SourceHeap(files.size());
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                sources[i] = new MergeSource(i, ReadUnit.whole(i, FlowLogInput.of(file)), FirstStart.of(file, options));
                heap.push(i, openingKey(sources[i]));
                order.push(i, openingKey(sources[i]));
            }
            openOrder = new int[files.size()];
            rank = new int[files.size()];
            for (int i = 0; i < openOrder.length; i++) {
                openOrder[i] = order.topId();
                rank[openOrder[i]] = i;
                order.pop();
            }
            // Batches as large as the budget allows for the files merged side by side from the start
            // (all of them for per-ENI files, a few for S3 delivery), two each: one merged, one parsed.
            int side = Math.max(1, sideBySide());
            int capacity = Math.max(MIN_BATCH, Math.min(PipelinedFlowLogReader.BATCH_RECORDS, BUDGET_RECORDS / (2 * side)));
            pool = new ParsePool(options, progress, threads, READ_BUFFER, capacity, Math.max(2, BUDGET_RECORDS / capacity), DEPTH);
            openThrough(PREFETCH);
        }

        @Override
        public FlowLogStats into(FlowSink sink) {
            if (consumed) {
                throw new IllegalStateException("a reading is consumed once");
            }
            consumed = true;
            counters = new FlowLogCounters(options.maxProblemSamples());
            try {
                merge(sink);
            } catch (RuntimeException | Error e) {
                stop();
                throw e;
            }
            stop();
            // File by file, as the sequential reader tallies them: the same formats and problem samples.
            for (int id = 0; id < formatOf.length; id++) {
                FlowLogCounters samples = samplesOf.get(id);
                if (samples != null) {
                    counters.absorbSamples(samples, 0);
                } else if (formatOf[id] != null) {
                    counters.format(formatOf[id]);
                }
                counters.files++;
            }
            return counters.toStats();
        }

        @Override
        public void close() {
            if (!consumed) {
                consumed = true;
                stop();
            }
        }

        /**
         * The k-way merge. Invariant: a file in the heap that has been filled is keyed by its head
         * record, which is final; one not filled yet by its first start minus the tolerance, below
         * which it can hold nothing. So the top's head, once filled, precedes every record to come.
         */
        private void merge(FlowSink sink) {
            long tolerance = TOLERANCE_MILLIS;
            while (!heap.isEmpty()) {
                MergeSource top = sources[heap.topId()];
                if (top.isEmpty()) {
                    // The file's first turn: open it, and the next files so that they parse meanwhile.
                    openThrough(rank[top.id] + PREFETCH);
                } else {
                    top.removeHead(cursor);
                    sink.accept(cursor);
                }
                top.fill(tolerance);
                if (top.isEmpty()) {
                    heap.pop();
                    ended(top);
                } else {
                    heap.updateTop(top.headStart());
                }
            }
        }

        /** Starts the parsers of the files up to {@code last} in opening order. */
        private void openThrough(int last) {
            while (opened <= last && opened < openOrder.length) {
                MergeSource source = sources[openOrder[opened++]];
                if (!source.started()) {
                    open(source);
                }
            }
        }

        private void open(MergeSource source) {
            // An ended file's (empty) window serves the next one.
            source.open(pool, windows.isEmpty() ? new RecordWindow() : windows.pop());
        }

        /**
         * A file read to its end and out of the merge: its window is kept for reuse, its tallies are
         * added, and the file is let go (the merge is past it in {@link #openOrder}).
         */
        private void ended(MergeSource source) {
            windows.push(source.window);
            source.window = null;
            FlowLogCounters unit = source.counters;
            counters.absorbTotals(unit);
            if (unit.onlyFormatSample()) {
                FlowLogFormat format = unit.firstFormat();
                formatOf[source.id] = format == null ? null : formats.computeIfAbsent(format, f -> f);
            } else {
                samplesOf.put(source.id, unit);
            }
            sources[source.id] = null;
        }

        /** Batches the read's pool has allocated so far (a bound the tests check). */
        int batchesAllocated() {
            return pool == null ? 0 : pool.batchesAllocated();
        }

        /** Files whose reading state is held: those opened and not ended (a bound the tests check). */
        int filesHeld() {
            int held = 0;
            for (MergeSource source : sources) {
                if (source != null && source.started()) {
                    held++;
                }
            }
            return held;
        }

        /** Stops the workers and waits for them to end (after the read, or when it failed). */
        private void stop() {
            pool.stop();
        }

        /** How many files the merge has open at its start: those whose first record is within the tolerance of the first. */
        private int sideBySide() {
            if (openOrder.length == 0) {
                return 0;
            }
            long first = openingKey(sources[openOrder[0]]);
            int n = 0;
            for (int id : openOrder) {
                long key = openingKey(sources[id]);
                if (key != Long.MIN_VALUE && first != Long.MIN_VALUE && key - first > TOLERANCE_MILLIS) {
                    break;
                }
                n++;
            }
            return n;
        }
    }

    /** Where a file enters the merge: its first start minus the tolerance, saturated. */
    private static long openingKey(MergeSource source) {
        long first = source.firstStart;
        return first == FirstStart.UNKNOWN ? Long.MIN_VALUE : first - TOLERANCE_MILLIS;
    }
}
