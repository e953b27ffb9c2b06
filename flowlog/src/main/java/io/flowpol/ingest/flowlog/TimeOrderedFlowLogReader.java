package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Semaphore;

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
 * <p>Every file has its own parsing thread and bounded hand-off, started when the merge gets
 * near the file's first record ({@link FirstStart}) and a few files ahead; only {@code threads}
 * of them parse at a time. The consumer is a k-way merge over a heap of files keyed by their
 * next record's start: no allocation per record, memory bounded by the open files' hand-offs and
 * one tolerance of records. Records, statistics and the first error do not depend on the thread
 * count; statistics (and problem samples) are those of reading the files one by one.
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
    /** Below this many open files, each gets a large hand-off (S3 files read a few at a time). */
    private static final int FEW_FILES = 8;
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

    private final class Reading implements FlowLogReading {
        private final InputProgress progress;
        private final MergeSource[] sources;
        /** Source ids in the order the merge opens them: by first start minus the tolerance, then id. */
        private final int[] openOrder;
        /** The position of each source id in {@link #openOrder}. */
        private final int[] rank;
        private final SourceHeap heap;
        private final Semaphore permits = new Semaphore(threads, true);
        private final MergeSource.Spares spares = new MergeSource.Spares();
        /** Hand-offs of ended files, all batches free, for the next files to open. */
        private final ArrayDeque<RecordHandoff> deep = new ArrayDeque<>();
        private final ArrayDeque<RecordHandoff> shallow = new ArrayDeque<>();
        private final ArrayDeque<RecordHeap> heaps = new ArrayDeque<>();
        private int opened;
        /** Files started and not yet read to their end. */
        private int open;
        private boolean consumed;

        Reading(List<Path> files, InputProgress progress) {
            this.progress = progress;
            sources = new MergeSource[files.size()];
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
            openThrough(PREFETCH);
        }

        @Override
        public FlowLogStats into(FlowSink sink) {
            if (consumed) {
                throw new IllegalStateException("a reading is consumed once");
            }
            consumed = true;
            FlowLogCounters counters = new FlowLogCounters(options.maxProblemSamples());
            try {
                merge(sink);
            } catch (RuntimeException | Error e) {
                stop(true);
                throw e;
            }
            stop(false);
            // File by file, as the sequential reader tallies them: the same problem samples.
            for (MergeSource source : sources) {
                counters.absorb(source.counters, 0);
                counters.files++;
            }
            return counters.toStats();
        }

        @Override
        public void close() {
            if (!consumed) {
                consumed = true;
                stop(true);
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
                    FlowRecord r = top.removeHead();
                    sink.accept(r);
                    spares.give(r);
                }
                top.fill(tolerance, spares);
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
            // A few files at a time (S3 delivery): deep hand-offs, so that the next files are parsed while
            // one is consumed and both cores stay busy. Many at once (one per ENI): shallow ones, so that
            // memory stays bounded. An ended file's hand-off serves the next one.
            if (open < FEW_FILES) {
                source.handoff = deep.isEmpty()
                        ? new RecordHandoff(PipelinedFlowLogReader.BATCHES, PipelinedFlowLogReader.BATCH_RECORDS, permits)
                        : deep.pop();
            } else {
                source.handoff = shallow.isEmpty() ? new RecordHandoff(4, 256, permits) : shallow.pop();
            }
            source.window = heaps.isEmpty() ? new RecordHeap() : heaps.pop();
            FlowLogReader reader = new FlowLogReader(options, READ_BUFFER, progress);
            source.parser = new Thread(new SourceParser(reader, source.unit, source.handoff, permits),
                    "flowpol-flowlog-file-" + source.id);
            source.parser.setDaemon(true);
            source.parser.start();
            open++;
        }

        /** A file read to its end and out of the merge: its thread is ending, its hand-off is kept for reuse. */
        private void ended(MergeSource source) {
            open--;
            RecordHandoff handoff = source.handoff;
            source.handoff = null;
            handoff.restart();
            (handoff.capacity() == PipelinedFlowLogReader.BATCH_RECORDS ? deep : shallow).push(handoff);
            heaps.push(source.window);
            source.window = null;
        }

        /** Waits for the started parsers to end, first cancelling them if the read failed. */
        private void stop(boolean cancel) {
            for (MergeSource s : sources) {
                if (cancel && s.started() && s.handoff != null) {
                    s.handoff.cancel();
                    s.parser.interrupt();
                }
            }
            for (MergeSource s : sources) {
                if (s.started()) {
                    ParserThreads.join(s.parser);
                }
            }
        }
    }

    /** Where a file enters the merge: its first start minus the tolerance, saturated. */
    private static long openingKey(MergeSource source) {
        long first = source.firstStart;
        return first == FirstStart.UNKNOWN ? Long.MIN_VALUE : first - TOLERANCE_MILLIS;
    }
}
