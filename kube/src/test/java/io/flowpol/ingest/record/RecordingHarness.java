package io.flowpol.ingest.record;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Runs a {@link ClusterRecorder} on a background thread against a {@link FakeApiServer} and
 * reads back what it wrote, parsed by Jackson (not the Gson that wrote it).
 */
final class RecordingHarness implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final ClusterRecorder recorder;
    final Path out;
    private final Thread thread;
    private final AtomicReference<RecorderProgress> result = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    /** The recorder's latest periodic progress report (every 200 ms). */
    private final AtomicReference<RecorderProgress> latest = new AtomicReference<>();

    RecordingHarness(FakeApiServer api, RecorderOptions options) throws IOException {
        ApiClient client = new ClientBuilder().setBasePath(api.url()).build();
        this.out = options.out();
        this.recorder = new ClusterRecorder(client, options, latest::set, Duration.ofMillis(200));
        this.thread = new Thread(() -> {
            try {
                result.set(recorder.run());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "recording-harness");
        thread.start();
    }

    void awaitListed() throws InterruptedException {
        assertTrue(recorder.awaitListed(Duration.ofSeconds(10)), "every kind listed within 10 s");
    }

    /** Waits (up to 10 s) until the lines written so far satisfy {@code done}. */
    List<JsonNode> awaitLines(Predicate<List<JsonNode>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<JsonNode> lines = lines(out);
        while (!done.test(lines)) {
            if (System.nanoTime() > deadline) {
                fail("recording never reached the expected state; it holds:\n" + String.join("\n", summary(lines)));
            }
            Thread.sleep(100);
            lines = lines(out);
        }
        return lines;
    }

    /**
     * Waits (up to 10 s) until a periodic progress report satisfies {@code done}: the recorder's
     * watchers re-list one kind after another, so a line written for one kind says nothing of the rest.
     */
    void awaitProgress(Predicate<RecorderProgress> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (latest.get() == null || !done.test(latest.get())) {
            if (System.nanoTime() > deadline) {
                fail("the recorder's progress never reached the expected state; last: " + latest.get());
            }
            Thread.sleep(50);
        }
    }

    /** Stops the recorder and returns its final progress. */
    RecorderProgress stop() throws InterruptedException {
        recorder.stop();
        thread.join(10_000);
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** Waits for {@code run()} to end by itself and returns its result. */
    RecorderProgress awaitEnd() throws InterruptedException {
        thread.join(20_000);
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** Waits for {@code run()} to end by itself and returns what it threw. */
    RuntimeException awaitFailure() throws InterruptedException {
        thread.join(20_000);
        return failure.get();
    }

    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n'); // a line being flushed right now is not complete yet
        for (String line : text.substring(0, end + 1).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** {@code TYPE Kind namespace/name} per line, for assertions and failure messages. */
    static List<String> summary(List<JsonNode> lines) {
        List<String> out = new ArrayList<>();
        for (JsonNode line : lines) {
            JsonNode meta = line.path("object").path("metadata");
            String namespace = meta.path("namespace").asText("");
            out.add(line.path("type").asText() + " " + line.path("object").path("kind").asText() + " "
                    + (namespace.isEmpty() ? "" : namespace + "/") + meta.path("name").asText());
        }
        return out;
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Override
    public void close() {
        recorder.stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
