package io.flowpol.ingest.record;

import com.google.gson.JsonObject;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Records a live cluster for the learning window: one list-then-watch thread per kind (and per
 * namespace with {@code -n}), one {@link RecordingWriter}. Objects are read as raw JSON through
 * the generic client, so every field the API server sends is kept, whatever the typed model
 * knows.
 *
 * <p>With {@code append}, the recorder first replays the existing file ({@link PriorRecording}),
 * so its first list writes only the differences, including deletions that happened while no
 * recorder ran.
 *
 * <p>Use: {@code new ClusterRecorder(client, options, progress, every).run()} blocks until the
 * duration ends or {@link #stop()} is called (the CLI calls it from a shutdown hook); the file
 * is then flushed, closed, and every line in it is complete.
 */
public final class ClusterRecorder {
    /**
     * Server-side watch timeout. API servers end watches anyway (--min-request-timeout, 30 to
     * 60 min); a shorter one bounds how long a silently dead connection goes unnoticed.
     */
    public static final Duration WATCH_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration JOIN_WAIT = Duration.ofSeconds(5);

    private final ApiClient client;
    private final RecorderOptions options;
    private final Consumer<RecorderProgress> progress;
    private final Duration progressEvery;
    private final WatchCounters counters = new WatchCounters();
    private static final Duration LIST_POLL = Duration.ofMillis(50);
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<WatchScope> plan;
    private final CountDownLatch listed;
    private volatile RuntimeException fatal;
    private volatile boolean running;
    private Poller poller;
    private Duration pollEvery;
    private Consumer<String> pollWarnings = w -> { };
    /** Counted down once the first poll is written (or failed): a recording never ends before it. */
    private final CountDownLatch firstPoll = new CountDownLatch(1);

    /**
     * Something recorded by polling beside the watches (the AWS network inventory, issue 11): it
     * writes its events for "now" to the recording.
     */
    public interface Poller {
        void poll(RecordingWriter writer);
    }

    /**
     * Also runs {@code poller} at the start and every {@code every} until the recording ends. A
     * failure of the first poll stops the recording (a missing permission or region shows at
     * once); a later one is passed to {@code warnings} and retried at the next poll.
     */
    public ClusterRecorder polling(Poller poller, Duration every, Consumer<String> warnings) {
        this.poller = Objects.requireNonNull(poller, "poller == null");
        this.pollEvery = Objects.requireNonNull(every, "every == null");
        this.pollWarnings = Objects.requireNonNull(warnings, "warnings == null");
        return this;
    }

    public ClusterRecorder(ApiClient client, RecorderOptions options) {
        this(client, options, p -> { }, Duration.ofSeconds(10));
    }

    /** {@code progress} is called every {@code progressEvery} and once at the end. */
    public ClusterRecorder(ApiClient client, RecorderOptions options, Consumer<RecorderProgress> progress,
                           Duration progressEvery) {
        this.client = Objects.requireNonNull(client, "client == null");
        this.options = Objects.requireNonNull(options, "options == null");
        this.progress = Objects.requireNonNull(progress, "progress == null");
        this.progressEvery = Objects.requireNonNull(progressEvery, "progressEvery == null");
        this.plan = WatchScope.plan(options.namespaces());
        this.listed = new CountDownLatch(plan.size());
    }

    /**
     * Records until the duration ends or {@link #stop()}; returns the final counts.
     *
     * @throws InputException the output file exists (without append) or cannot be written, or
     *     the cluster refused a list (permissions, unknown API), or was unreachable at start
     */
    public RecorderProgress run() {
        long startNanos = System.nanoTime();
        List<ScopeWatcher> watchers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Map<ResourceKind, List<JsonObject>> prior = options.append() && Files.exists(options.out())
                ? PriorRecording.read(options.out()) : Map.of();
        try (RecordingWriter writer = RecordingWriter.open(options.out(), options.append())) {
            running = true;
            writer.onFailure(e -> fail(new UncheckedIOException(e)));
            raiseReadTimeout();
            for (WatchScope scope : plan) {
                ScopeWatcher watcher = new ScopeWatcher(scope, api(scope.kind()), writer, WATCH_TIMEOUT, counters,
                        this::fail, listed::countDown);
                watcher.assume(prior.getOrDefault(scope.kind(), List.of()).stream().filter(scope::covers).toList());
                Thread thread = new Thread(watcher, "flowpol-record-" + scope.describe());
                thread.setDaemon(true);
                watchers.add(watcher);
                threads.add(thread);
            }
            if (poller != null) {
                Thread polls = new Thread(() -> pollLoop(writer), "flowpol-record-poll");
                polls.setDaemon(true);
                threads.add(polls);
            }
            threads.forEach(Thread::start);
            waitForEnd(startNanos, watchers, writer);
            stopSignal.countDown(); // ends the poll loop's wait too
            watchers.forEach(ScopeWatcher::stop);
            join(threads, client);
            RecorderProgress last = snapshot(startNanos, watchers, writer);
            progress.accept(last);
            if (fatal != null) {
                throw fatal instanceof UncheckedIOException io ? writeProblem(io) : fatal;
            }
            return last;
        } catch (IOException e) {
            throw writeProblem(new UncheckedIOException(e));
        } finally {
            watchers.forEach(ScopeWatcher::stop);
            finished.countDown();
        }
    }

    /**
     * Ends the recording and waits (up to 10 s) until the file is flushed and closed, so a
     * shutdown hook may return right after.
     */
    public void stop() {
        stopSignal.countDown();
        if (running) {
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pollLoop(RecordingWriter writer) {
        boolean first = true;
        try {
            do {
                try {
                    poller.poll(writer);
                } catch (RuntimeException e) {
                    if (first) {
                        fail(e);
                        firstPoll.countDown();
                        return;
                    }
                    pollWarnings.accept(e instanceof InputException input ? input.problem().message() : String.valueOf(e.getMessage()));
                }
                first = false;
                firstPoll.countDown();
            } while (!stopSignal.await(pollEvery.toMillis(), TimeUnit.MILLISECONDS) && fatal == null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every kind has been listed once; false on timeout or when stopped before. */
    public boolean awaitListed(Duration timeout) throws InterruptedException {
        return listed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void waitForEnd(long startNanos, List<ScopeWatcher> watchers, RecordingWriter writer) {
        try {
            while (fatal == null) {
                Duration wait = progressEvery;
                if (options.duration() != null) {
                    Duration remaining = options.duration().minusNanos(System.nanoTime() - startNanos);
                    if (remaining.isNegative() || remaining.isZero()) {
                        // The initial list is the window's starting state: a recording cut before
                        // every kind was listed would resolve nothing, so a duration shorter than
                        // the list (a busy API server, a short --window) waits for it.
                        if (listed.getCount() == 0 && (poller == null || firstPoll.getCount() == 0)) {
                            return;
                        }
                        remaining = LIST_POLL;
                    }
                    wait = remaining.compareTo(wait) < 0 ? remaining : wait;
                }
                if (stopSignal.await(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS)) {
                    return;
                }
                progress.accept(snapshot(startNanos, watchers, writer));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RecorderProgress snapshot(long startNanos, List<ScopeWatcher> watchers, RecordingWriter writer) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration remaining = null;
        if (options.duration() != null) {
            remaining = options.duration().minus(elapsed);
            remaining = remaining.isNegative() ? Duration.ZERO : remaining;
        }
        int pods = watchers.stream().filter(w -> w.scope().kind() == ResourceKind.POD).mapToInt(ScopeWatcher::tracked).sum();
        return new RecorderProgress(writer.events(), pods, counters.reconnects.get(), counters.relists.get(),
                elapsed, remaining);
    }

    private DynamicKubernetesApi api(ResourceKind kind) {
        return new DynamicKubernetesApi(kind.group(), kind.version(), kind.plural(), client);
    }

    /** A client read timeout shorter than the watch timeout would cut every quiet watch. */
    private void raiseReadTimeout() {
        int readTimeout = client.getReadTimeout();
        if (readTimeout != 0 && readTimeout <= WATCH_TIMEOUT.toMillis()) {
            client.setReadTimeout((int) WATCH_TIMEOUT.plusMinutes(1).toMillis());
        }
    }

    private void fail(RuntimeException failure) {
        if (fatal == null) {
            fatal = failure;
        }
        stopSignal.countDown();
    }

    private InputException writeProblem(UncheckedIOException failure) {
        return new InputException(InputProblem.error(options.out().toString(), 0, "--out", "a writable file",
                io.flowpol.inference.model.IoReason.of(failure.getCause())), failure);
    }

    /**
     * Waits for the watcher threads. A thread may be inside a call that {@link ScopeWatcher#stop()}
     * could not reach yet (a watch still waiting for its response headers): cancelling every call
     * of the client's OkHttp dispatcher, sync calls included, unblocks it.
     */
    private static void join(List<Thread> threads, ApiClient client) {
        long deadline = System.nanoTime() + JOIN_WAIT.toNanos();
        for (Thread thread : threads) {
            while (thread.isAlive() && System.nanoTime() < deadline) {
                client.getHttpClient().dispatcher().cancelAll();
                try {
                    thread.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
