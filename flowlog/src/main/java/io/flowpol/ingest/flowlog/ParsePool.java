package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowSink;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The parsing side of a {@link TimeOrderedFlowLogReader} read: {@code threads} workers parse the
 * files a batch at a time, in the order the merge asks for them (GitHub issue 13). A file is a
 * {@link Feed}: its reader keeps its place between batches, so one worker can serve many files
 * that all cover the whole window (one per ENI) without a thread per file taking turns on the
 * cores, and without a file's parser blocking on a full hand-off while the merge waits on another.
 *
 * <p>After a file's first batch (line 1: header, byte order mark, binary sniff) the worker holding
 * its reader only cuts its next lines into a {@link LineChunk} (one of a few, reused) and lets go of the file, so
 * that the other worker can cut the lines after them while it parses these ({@link ChunkParser}):
 * both cores parse one file when the merge has nothing else to read (S3 delivery files follow one
 * another in time; GitHub issue 13). Batches are numbered as they are cut and passed on in that
 * order, their tallies added to the file's then, so records, statistics and the first error are
 * those of the file read from start to end. A worker takes a cut before a parse: cuts of a file
 * follow one another, and one waiting behind a parse would hold up every chunk after it. Measured
 * on 12 five-minute gzip files of 5.6 M records: the merge waited at 2,352 of 2,735 batches with
 * a file on one worker, and read 25 % faster in wall time, 16 % in CPU, with files cut.
 *
 * <p>Memory is one shared budget of batches ({@code budget} of them, {@code capacity} records
 * each), not a hand-off per open file: a file gets more batches ahead while there are free ones,
 * and one beyond the budget only when it has none at all (the merge waits on it; refusing would
 * stall the read). A file opened ahead of the merge has one batch ahead until the merge first
 * takes from it: successive S3 files opened early had held half the budget, eight batches each,
 * that the file being merged needed. A task never waits for the consumer, so the read cannot deadlock.
 */
final class ParsePool {
    private static final long WORKER_CHECK_MILLIS = 200;

    private final FlowLogOptions options;
    private final InputProgress progress;
    private final int readBuffer;
    private final int capacity;
    private final int budget;
    /** At most this many batches filled or being filled per file: enough to keep the cores busy. */
    private final int depth;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workReady = lock.newCondition();
    private final Condition batchReady = lock.newCondition();
    /** Files with a batch to fill or cut: one task per file at a time. */
    private final ArrayDeque<Feed> tasks = new ArrayDeque<>();
    /** Chunks cut, for any worker to parse. */
    private final ArrayDeque<Parse> parses = new ArrayDeque<>();
    /** Chunks parsed, for the next cuts: their text buffers are reused. */
    private final ArrayDeque<LineChunk> spareChunks = new ArrayDeque<>();
    /** Chunks cut and not yet parsed, at most {@link #maxChunks}. */
    private int chunksOut;
    private final int maxChunks;
    /** Files that asked for a batch while none was free, served first when one comes back. */
    private final ArrayDeque<Feed> hungry = new ArrayDeque<>();
    private final ArrayDeque<RecordBatch> free = new ArrayDeque<>();
    private final Thread[] workers;
    private int allocated;
    /** Of those, batches drained by the merge whose records still wait in a window ({@link #pin}). */
    private int pinned;
    /** Σ {@link Feed#held}: the budget grows to what the merge holds back (see {@link #take}). */
    private int heldBatches;
    private boolean stopped;

    ParsePool(FlowLogOptions options, InputProgress progress, int threads, int readBuffer,
              int capacity, int budget, int depth) {
        this.options = options;
        this.progress = progress;
        this.readBuffer = readBuffer;
        this.capacity = capacity;
        this.budget = budget;
        this.depth = depth;
        // Enough for each worker to parse one while the next are cut, no more: text held is bounded.
        maxChunks = 2 * threads + 2;
        workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(this::work, "flowpol-flowlog-file-worker-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** One file of the read; nothing is opened until {@link #demand} asks for its first batch. */
    final class Feed {
        final ReadUnit unit;
        private final ArrayDeque<RecordBatch> ready = new ArrayDeque<>();
        private FlowLogReader reader;
        private final FlowLogCounters counters = new FlowLogCounters(options.maxProblemSamples());
        /** A task for this file is queued or running: one at a time, so batches are cut in file order. */
        private boolean queued;
        private RecordBatch target;
        /** The batch carrying the unit's end has been filled or cut: nothing more to parse. */
        private boolean ended;
        private boolean isHungry;
        /**
         * Batches it may have ahead: one until the merge first takes from it (a file opened ahead
         * of the merge must not hold the budget that the file being merged needs), then
         * {@link #depth} or as many as its merge window holds back, if more ({@link #take}).
         */
        private int ahead = 1;
        /** Batches' worth of records its merge window held at the last {@link #take}: counted in {@link #heldBatches}. */
        private int held;
        /** Its first batch is read: its next lines are cut into chunks. */
        private boolean cutting;
        /** Batches taken for it and not yet in {@link #ready}: being filled, parsed, or waiting for one before them. */
        private int inFlight;
        private long nextSeq;
        private long passSeq;
        /** Batches parsed before one ahead of them, by {@link RecordBatch#seq}. */
        private final Map<Long, RecordBatch> early = new HashMap<>();
        /** The batch carrying the unit's end is in {@link #ready}: a batch after a failed one is dropped. */
        private boolean passedEnd;

        Feed(ReadUnit unit) {
            this.unit = unit;
        }
    }

    Feed feed(ReadUnit unit) {
        return new Feed(unit);
    }

    /** Asks for the file's next batches to be parsed (its first: the file is opened). */
    void demand(Feed feed) {
        lock.lock();
        try {
            request(feed);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Consuming side: the file's next batch in order, waiting for a worker to fill it; the
     * last one carries the unit's {@link UnitEnd}. {@code windowRecords}: the records the merge
     * holds back from this file now. The file may have as many parsed ahead, beyond the budget.
     *
     * <p>Why: S3 delivery writes a minute's records at its end, starts running back up to the
     * minute, so the merge takes a file's records in bursts: none while it passes on the minute it
     * holds (about 93 k records at 1.5 M clients an hour), then the whole next minute before the
     * earliest of it is final. With eight batches ahead the workers were idle through the first and
     * the merge waited through the second, 1.5 s of a 7 s read; as many ahead as the window holds
     * (as much memory again as the merge's own, bounded the same way) took 5 % off the wall time
     * (6.01 → 5.69 s, alternating runs in one JVM).
     */
    RecordBatch take(Feed feed, int windowRecords) {
        lock.lock();
        try {
            int held = windowRecords / capacity;
            heldBatches += held - feed.held;
            feed.held = held;
            feed.ahead = Math.max(depth, held + 1);
            request(feed);
            while (feed.ready.isEmpty()) {
                if (stopped) {
                    throw new CancellationException("the flow-log read was stopped");
                }
                if (!batchReady.await(WORKER_CHECK_MILLIS, TimeUnit.MILLISECONDS) && !anyWorkerAlive()) {
                    // A bug, never an input error (those ride on the UnitEnd): fail instead of hanging.
                    throw new IllegalStateException("the flow-log parsing workers ended without passing on "
                            + feed.unit.input().name());
                }
            }
            RecordBatch batch = feed.ready.poll();
            if (batch.unitEnd != null) {
                heldBatches -= feed.held; // the file is done: it holds nothing back now
                feed.held = 0;
            }
            request(feed);
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while taking flow-log records");
        } finally {
            lock.unlock();
        }
    }

    /** Consuming side: a batch whose records were taken, for any file's next batch. */
    void recycle(RecordBatch batch) {
        lock.lock();
        try {
            release(batch);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Consuming side: a batch whose records were all taken but some still wait in a merge window,
     * packed in it ({@link MergeSource}); it is not counted against the budget until
     * {@link #unpin}, which recycles it. The budget is for parsing ahead; what the merge holds
     * back is bounded by its window.
     */
    void pin() {
        lock.lock();
        try {
            pinned++;
        } finally {
            lock.unlock();
        }
    }

    /** Consuming side: the last waiting record of a {@link #pin pinned} batch was passed on. */
    void unpin(RecordBatch batch) {
        lock.lock();
        try {
            pinned--;
            release(batch);
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: the batch back to the free ones, and to a file waiting for one. */
    private void release(RecordBatch batch) {
        batch.clear();
        batch.unitEnd = null;
        batch.chunkTallies = null;
        batch.endsUnit = false;
        batch.pending = 0;
        batch.drained = false;
        free.push(batch);
        while (!free.isEmpty() && !hungry.isEmpty()) {
            Feed feed = hungry.poll();
            feed.isHungry = false;
            request(feed);
        }
    }

    /** Stops the workers (after the read, or when it failed) and waits for them to end. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            workReady.signalAll();
            batchReady.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread worker : workers) {
            worker.interrupt();
        }
        for (Thread worker : workers) {
            ParserThreads.join(worker);
        }
    }

    /** Under the lock: queues a task for the file when it may have another batch. */
    private void request(Feed feed) {
        if (feed.queued || feed.ended || stopped || feed.ready.size() + feed.inFlight >= feed.ahead) {
            return;
        }
        RecordBatch batch = free.poll();
        if (batch == null && (allocated - pinned < Math.max(budget, heldBatches + depth)
                || (feed.ready.isEmpty() && feed.inFlight == 0))) {
            batch = new RecordBatch(capacity);
            allocated++;
        }
        if (batch == null) {
            if (!feed.isHungry) {
                feed.isHungry = true;
                hungry.add(feed);
            }
            return;
        }
        batch.seq = feed.nextSeq++;
        feed.inFlight++;
        feed.target = batch;
        feed.queued = true;
        tasks.add(feed);
        workReady.signal();
    }

    /** Batches allocated so far, for tests that memory follows the window, not the files or records read. */
    int batchesAllocated() {
        lock.lock();
        try {
            return allocated;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The file's batches parsed and waiting for the merge, once no worker is at it (no task queued
     * or running, none being parsed); -1 while one is. For tests of how far a file is read ahead.
     */
    int readyWhenSettled(Feed feed) {
        lock.lock();
        try {
            return feed.queued || feed.inFlight > 0 ? -1 : feed.ready.size();
        } finally {
            lock.unlock();
        }
    }

    private boolean anyWorkerAlive() {
        for (Thread worker : workers) {
            if (worker.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private void work() {
        ChunkParser chunks = new ChunkParser(options);
        while (true) {
            Feed feed;
            Parse parse = null;
            LineChunk chunk = null;
            lock.lock();
            try {
                while (!canCut() && parses.isEmpty() && !stopped) {
                    workReady.awaitUninterruptibly();
                }
                if (stopped) {
                    return;
                }
                // Cuts first: a file's lines are cut by one thread at a time, so a cut waiting
                // behind a parse would hold up every chunk after it.
                feed = canCut() ? tasks.poll() : null;
                if (feed == null) {
                    parse = parses.poll();
                } else if (feed.cutting) {
                    chunk = spareChunks.isEmpty() ? new LineChunk() : spareChunks.pop();
                    chunksOut++;
                }
            } finally {
                lock.unlock();
            }
            if (parse != null) {
                parse(chunks, parse.batch, parse.chunk);
                lock.lock();
                try {
                    if (stopped) {
                        return;
                    }
                    spareChunks.push(parse.chunk);
                    chunksOut--;
                    workReady.signal();
                    pass(parse.feed, parse.batch);
                    request(parse.feed);
                } finally {
                    lock.unlock();
                }
                continue;
            }
            RecordBatch batch = feed.target;
            boolean ended = chunk != null ? cut(feed, batch, chunk) : fill(feed, batch);
            lock.lock();
            try {
                if (stopped) {
                    if (feed.reader != null) {
                        feed.reader.abandon();
                    }
                    return;
                }
                feed.target = null;
                feed.queued = false;
                if (feed.passedEnd && feed.reader != null) {
                    // A chunk before this one failed: the file is read no further.
                    feed.reader.abandon();
                    feed.reader = null;
                    ended = true;
                }
                feed.ended = ended;
                feed.cutting = !ended;
                if (chunk != null) {
                    parses.add(new Parse(feed, batch, chunk));
                    workReady.signal();
                } else {
                    pass(feed, batch);
                }
                request(feed);
            } finally {
                lock.unlock();
            }
        }
    }

    /** A chunk cut and waiting for a worker to parse it into its batch. */
    private record Parse(Feed feed, RecordBatch batch, LineChunk chunk) {
    }

    /**
     * Under the lock: the first task may be taken: a first batch, or a cut while fewer than
     * {@link #maxChunks} chunks are cut and not yet parsed. So the text held is a few chunks,
     * whatever the number of batches, and a worker that may not cut parses instead.
     */
    private boolean canCut() {
        Feed next = tasks.peek();
        return next != null && (!next.cutting || chunksOut < maxChunks);
    }

    /**
     * Under the lock: a batch filled or parsed, passed on to the consumer in the order it was
     * taken ({@link RecordBatch#seq}), its chunk's tallies added to the file's then.
     */
    private void pass(Feed feed, RecordBatch batch) {
        feed.early.put(batch.seq, batch);
        RecordBatch next;
        while ((next = feed.early.remove(feed.passSeq)) != null) {
            feed.passSeq++;
            feed.inFlight--;
            if (feed.passedEnd) {
                release(next);
                continue;
            }
            if (next.chunkTallies != null) {
                feed.counters.absorb(next.chunkTallies, 0);
                if (next.unitEnd == null && next.endsUnit) {
                    next.unitEnd = new UnitEnd(feed.counters, null);
                }
            }
            feed.passedEnd = next.unitEnd != null;
            feed.ready.add(next);
        }
        batchReady.signalAll();
    }

    /** Cuts the file's next lines, as many as {@code batch} holds, into {@code chunk}; true when that ends the file. */
    private static boolean cut(Feed feed, RecordBatch batch, LineChunk chunk) {
        try {
            if (feed.reader.cut(chunk, batch.capacity)) {
                feed.reader = null;
                return true;
            }
            return false;
        } catch (RuntimeException | Error e) {
            feed.reader = null;
            batch.unitEnd = new UnitEnd(null, e);
            return true;
        }
    }

    /** Parses a cut chunk into its batch; a failure (strict mode, or the cut's) ends the file after the records before it. */
    private static void parse(ChunkParser chunks, RecordBatch batch, LineChunk chunk) {
        if (batch.unitEnd != null) {
            return; // the cut itself failed
        }
        batch.chunkTallies = chunk.counters;
        batch.endsUnit = chunk.last;
        try {
            chunks.parse(chunk, batch);
            if (chunk.failure != null) {
                batch.unitEnd = new UnitEnd(null, chunk.failure);
            }
        } catch (RuntimeException | Error e) {
            batch.unitEnd = new UnitEnd(null, e);
        }
    }

    /** Parses the file's next records into {@code batch}; true when it carries the file's end. */
    private boolean fill(Feed feed, RecordBatch batch) {
        FlowSink into = batch::add;
        try {
            if (feed.reader == null) {
                feed.reader = new FlowLogReader(options, readBuffer, progress);
                feed.reader.begin(feed.unit, feed.counters);
            }
            if (feed.reader.step(into, capacity)) {
                batch.unitEnd = new UnitEnd(feed.counters, null);
                feed.reader = null;
                return true;
            }
            return false;
        } catch (RuntimeException | Error e) {
            // The consumer rethrows it when the merge reaches this file's next record.
            feed.reader = null;
            batch.unitEnd = new UnitEnd(null, e);
            return true;
        }
    }

}
