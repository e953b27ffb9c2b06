package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowSink;
import java.util.ArrayDeque;
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
 * <p>Memory is one shared budget of batches ({@code budget} of them, {@code capacity} records
 * each), not a hand-off per open file: a file gets more batches ahead while there are free ones,
 * and one beyond the budget only when it has none at all (the merge waits on it; refusing would
 * stall the read). A task never waits for the consumer, so the read cannot deadlock.
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
    private final ArrayDeque<Feed> tasks = new ArrayDeque<>();
    /** Files that asked for a batch while none was free, served first when one comes back. */
    private final ArrayDeque<Feed> hungry = new ArrayDeque<>();
    private final ArrayDeque<RecordBatch> free = new ArrayDeque<>();
    private final Thread[] workers;
    private int allocated;
    private boolean stopped;

    ParsePool(FlowLogOptions options, InputProgress progress, int threads, int readBuffer,
              int capacity, int budget, int depth) {
        this.options = options;
        this.progress = progress;
        this.readBuffer = readBuffer;
        this.capacity = capacity;
        this.budget = budget;
        this.depth = depth;
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
        /** A task for this file is queued or running: one at a time, so batches come in file order. */
        private boolean queued;
        private RecordBatch target;
        /** The batch carrying the unit's end has been filled: nothing more to parse. */
        private boolean ended;
        private boolean isHungry;

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
     * last one carries the unit's {@link UnitEnd}.
     */
    RecordBatch take(Feed feed) {
        lock.lock();
        try {
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
        batch.size = 0;
        batch.unitEnd = null;
        lock.lock();
        try {
            free.push(batch);
            while (!free.isEmpty() && !hungry.isEmpty()) {
                Feed feed = hungry.poll();
                feed.isHungry = false;
                request(feed);
            }
        } finally {
            lock.unlock();
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
        if (feed.queued || feed.ended || stopped || feed.ready.size() >= depth) {
            return;
        }
        RecordBatch batch = free.poll();
        if (batch == null && (allocated < budget || feed.ready.isEmpty())) {
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
        feed.target = batch;
        feed.queued = true;
        tasks.add(feed);
        workReady.signal();
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
        while (true) {
            Feed feed;
            lock.lock();
            try {
                while (tasks.isEmpty() && !stopped) {
                    workReady.awaitUninterruptibly();
                }
                if (stopped) {
                    return;
                }
                feed = tasks.poll();
            } finally {
                lock.unlock();
            }
            RecordBatch batch = feed.target;
            boolean ended = fill(feed, batch);
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
                feed.ended = ended;
                feed.ready.add(batch);
                batchReady.signalAll();
                request(feed);
            } finally {
                lock.unlock();
            }
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
