package io.flowpol.ingest.record;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * List-then-watch of one {@link WatchScope}, for the whole recording, on its own thread.
 *
 * <p>The loop follows the API concepts doc ("Efficient detection of changes",
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes):
 * list, watch from the list's resourceVersion, resume a dropped watch from the last
 * resourceVersion seen, and re-list when the server answers 410 Gone because that version
 * is no longer in its history. The re-list is written as differences ({@link KnownObjects}).
 *
 * <p>Why not client-java's informers ({@code SharedInformerFactory}, issue 17): they run the same
 * list/watch/re-list, but hand events to {@code ResourceEventHandler}s without the time they
 * were read, after a queue ({@code DeltaFIFO}) and a processor thread, so a handler's clock
 * lags by the queue's depth (seconds during a re-list of thousands of pods), and the recording's
 * join of flow records to pod IPs needs the time each event was observed. A re-list also reaches
 * handlers as updates of every listed object followed by the deletions, while the recording must
 * write deletions first so that a reused IP is never held by two pods at once. Kept by hand.
 */
final class ScopeWatcher implements Runnable {
    private static final int PAGE_SIZE = 500;
    private static final int FIRST_LIST_ATTEMPTS = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final WatchScope scope;
    private final DynamicKubernetesApi api;
    private final RecordingWriter writer;
    private final Duration watchTimeout;
    private final WatchCounters counters;
    private final Consumer<RuntimeException> onFatal;
    private final Runnable onFirstList;
    private final KnownObjects known = new KnownObjects();
    private volatile boolean stopped;
    private volatile Watchable<DynamicKubernetesObject> current;
    private String resourceVersion;
    private boolean listedOnce;

    ScopeWatcher(WatchScope scope, DynamicKubernetesApi api, RecordingWriter writer, Duration watchTimeout,
                 WatchCounters counters, Consumer<RuntimeException> onFatal, Runnable onFirstList) {
        this.scope = scope;
        this.api = api;
        this.writer = writer;
        this.watchTimeout = watchTimeout;
        this.counters = counters;
        this.onFatal = onFatal;
        this.onFirstList = onFirstList;
    }

    WatchScope scope() {
        return scope;
    }

    /** Starts from what an appended recording says exists, so the first list writes differences. */
    void assume(List<JsonObject> prior) {
        for (JsonObject object : prior) {
            known.apply("ADDED", object);
        }
    }

    /** Objects this scope believes exist now. */
    int tracked() {
        return known.size();
    }

    /** Ends the loop; unblocks a watch waiting for the next event by cancelling its call. */
    void stop() {
        stopped = true;
        Watchable<DynamicKubernetesObject> watch = current;
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException | RuntimeException e) {
                // cancelling an already broken call: nothing left to release
            }
        }
    }

    @Override
    public void run() {
        boolean needList = true;
        int failures = 0;
        while (!stopped) {
            try {
                if (needList) {
                    relist();
                    needList = false;
                }
                if (!stopped) {
                    needList = watchOnce();
                }
                failures = 0;
            } catch (WatchFailure failure) {
                failures++;
                if (failure.fatal || (!listedOnce && failures >= FIRST_LIST_ATTEMPTS)) {
                    onFatal.accept(failure.toFatal(scope));
                    return;
                }
                pause(backoff(failures));
            } catch (UncheckedIOException writeFailure) {
                if (!stopped) {
                    onFatal.accept(writeFailure);
                }
                return;
            }
        }
    }

    /** Lists every page from one snapshot and writes the differences at the list time. */
    private void relist() throws WatchFailure {
        List<JsonObject> items = new ArrayList<>();
        String listVersion = null;
        String next = null;
        do {
            ListOptions options = new ListOptions().limit(PAGE_SIZE).labelSelector(scope.labelSelector());
            options.setContinue(next);
            DynamicKubernetesListObject page = listPage(options);
            V1ListMeta meta = page.getMetadata();
            if (listVersion == null && meta != null) {
                listVersion = meta.getResourceVersion();
            }
            for (DynamicKubernetesObject item : page.getItems()) {
                items.add(ObjectFields.stamped(item.getRaw(), scope.kind()));
            }
            next = meta == null ? null : meta.getContinue();
        } while (next != null && !next.isEmpty() && !stopped);
        if (stopped) {
            return;
        }
        Instant at = Instant.now();
        writer.writeAll(at, known.relist(items));
        resourceVersion = listVersion;
        if (listedOnce) {
            counters.relists.incrementAndGet();
        } else {
            listedOnce = true;
            onFirstList.run();
        }
    }

    private DynamicKubernetesListObject listPage(ListOptions options) throws WatchFailure {
        KubernetesApiResponse<DynamicKubernetesListObject> response;
        try {
            response = scope.namespace() == null ? api.list(options) : api.list(scope.namespace(), options);
        } catch (RuntimeException e) {
            // the generic client turns an IOException into IllegalStateException: report the I/O
            // failure itself ("Failed to connect to ..."), not the wrapper's class names
            String why = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().replaceAll("^(?:(?:[a-z]\\w*\\.)+[A-Z]\\w*: )+", "");
            throw new WatchFailure("list " + scope.describe() + ": " + why, 0, e);
        }
        if (!response.isSuccess()) {
            throw WatchFailure.of("list " + scope.describe(), response.getHttpStatusCode(), response.getStatus());
        }
        return response.getObject();
    }

    /**
     * Watches from {@link #resourceVersion} until the stream ends. Returns true when the server
     * answered 410 Gone (re-list needed), false for a normal end or a dropped connection.
     */
    private boolean watchOnce() throws WatchFailure {
        ListOptions options = new ListOptions().resourceVersion(resourceVersion)
                .timeoutSeconds((int) watchTimeout.toSeconds()).labelSelector(scope.labelSelector());
        Instant started = Instant.now();
        int seen = 0;
        try {
            current = scope.namespace() == null ? api.watch(options) : api.watch(scope.namespace(), options);
        } catch (ApiException e) {
            if (e.getCode() == 410) {
                return true;
            }
            throw new WatchFailure("watch " + scope.describe() + ": " + e.getMessage(), e.getCode(), e);
        }
        try (Watchable<DynamicKubernetesObject> watch = current) {
            while (!stopped && watch.hasNext()) {
                Watch.Response<DynamicKubernetesObject> event = watch.next();
                if ("ERROR".equals(event.type)) {
                    return endOnError(event);
                }
                seen++;
                record(event);
            }
        } catch (UncheckedIOException writeFailure) {
            throw writeFailure;
        } catch (IOException | RuntimeException dropped) {
            // a connection cut mid-stream, or a line cut short: resume from the last version
            // seen; the event that was cut is sent again because its version was not passed
        } finally {
            current = null;
        }
        if (!stopped) {
            counters.reconnects.incrementAndGet();
            if (seen == 0 && Duration.between(started, Instant.now()).compareTo(Duration.ofSeconds(1)) < 0) {
                pause(Duration.ofMillis(200)); // a proxy ending empty watches at once must not make us spin
            }
        }
        return false;
    }

    private void record(Watch.Response<DynamicKubernetesObject> event) {
        Instant at = Instant.now();
        JsonObject object = ObjectFields.stamped(event.object.getRaw(), scope.kind());
        String version = ObjectFields.resourceVersion(object);
        switch (event.type) {
            case "ADDED", "MODIFIED", "DELETED" -> {
                writer.write(at, event.type, object);
                known.apply(event.type, object);
            }
            default -> {
                // BOOKMARK carries only a resourceVersion to resume from
            }
        }
        if (version != null) {
            resourceVersion = version;
        }
    }

    /** An ERROR event ends the watch: 410 Gone asks for a re-list, anything else for a resume. */
    private boolean endOnError(Watch.Response<DynamicKubernetesObject> event) {
        Integer code = event.status == null ? null : event.status.getCode();
        if (code == null && event.object != null && event.object.getRaw().has("code")) {
            // a Status the client did not recognise as one is still a Status
            code = event.object.getRaw().get("code").getAsInt();
        }
        if (code != null && code == 410) {
            return true;
        }
        counters.reconnects.incrementAndGet();
        return false;
    }

    private static Duration backoff(int failures) {
        Duration delay = Duration.ofMillis(250L << Math.min(failures, 8));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
