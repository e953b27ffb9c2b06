package io.flowpol.ingest.record;

import static io.flowpol.ingest.record.RecordingHarness.json;
import static io.flowpol.ingest.record.RecordingHarness.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import io.flowpol.inference.model.InputException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterRecorderTest {
    private static final Pattern RFC3339_MS_UTC = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    @TempDir
    Path dir;
    private FakeApiServer api;

    @BeforeEach
    void startApi() {
        api = new FakeApiServer();
        api.create("v1", "Namespace", "namespaces", null, "shop", new JsonObject());
        api.create("v1", "Namespace", "namespaces", null, "default", new JsonObject());
        api.create("v1", "Node", "nodes", null, "ip-10-0-1-10", json("{\"status\":{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"10.0.1.10\"}]}}"));
        api.create("apps/v1", "Deployment", "deployments", "shop", "cart", json("{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"cart\"}}}}"));
        pod("shop", "cart-1", "10.0.1.21");
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private JsonObject pod(String namespace, String name, String ip) {
        return api.create("v1", "Pod", "pods", namespace, name,
                json("{\"spec\":{\"nodeName\":\"ip-10-0-1-10\"},\"status\":{\"phase\":\"Running\",\"podIP\":\"" + ip + "\"}}"));
    }

    private RecordingHarness record(List<String> namespaces) throws Exception {
        return new RecordingHarness(api, new RecorderOptions(dir.resolve("rec.jsonl"), null, namespaces, false));
    }

    @Test
    void initialListIsWrittenAsAddedWithApiVersionAndKindAtOneListTimePerKind() throws Exception {
        List<JsonNode> lines;
        try (RecordingHarness recording = record(List.of())) {
            recording.awaitListed();
            recording.stop();
            lines = RecordingHarness.lines(recording.out);
        }
        // kinds are listed in parallel: their order in the file is not fixed
        assertEquals(List.of("ADDED Deployment shop/cart", "ADDED Namespace default", "ADDED Namespace shop",
                "ADDED Node ip-10-0-1-10", "ADDED Pod shop/cart-1"), summary(lines).stream().sorted().toList());
        JsonNode pod = only(lines, "Pod").path("object");
        assertEquals("v1", pod.path("apiVersion").asText());
        assertEquals("10.0.1.21", pod.path("status").path("podIP").asText(), "the whole object is kept");
        assertEquals("apps/v1", only(lines, "Deployment").path("object").path("apiVersion").asText());
        List<JsonNode> namespaces = lines.stream().filter(l -> l.path("object").path("kind").asText().equals("Namespace")).toList();
        assertEquals(namespaces.get(0).path("time"), namespaces.get(1).path("time"), "one list, one time");
    }

    private static JsonNode only(List<JsonNode> lines, String kind) {
        List<JsonNode> found = lines.stream().filter(l -> l.path("object").path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), kind);
        return found.get(0);
    }

    @Test
    void podsDeletedAndRecreatedWithAReusedIpAreRecordedInOrderWithObservedTimes() throws Exception {
        try (RecordingHarness recording = record(List.of())) {
            recording.awaitListed();
            Instant beforeDelete = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            api.delete("pods", "shop", "cart-1");
            pod("shop", "checkout-1", "10.0.1.21"); // another workload takes the freed IP
            api.delete("pods", "shop", "checkout-1");
            pod("shop", "cart-1", "10.0.1.21"); // same name and IP again, a new pod (new uid)
            List<JsonNode> lines = recording.awaitLines(l -> summary(l).size() == 9);
            Instant afterCreate = Instant.now();
            recording.stop();

            List<JsonNode> events = lines.subList(5, lines.size());
            assertEquals(List.of("DELETED Pod shop/cart-1", "ADDED Pod shop/checkout-1", "DELETED Pod shop/checkout-1",
                    "ADDED Pod shop/cart-1"), summary(events));
            Instant previous = beforeDelete;
            for (JsonNode event : events) {
                Instant time = Instant.parse(event.path("time").asText());
                assertFalse(time.isBefore(previous), "observed after the change, in order: " + event.path("time"));
                assertFalse(time.isAfter(afterCreate));
                assertEquals("10.0.1.21", event.path("object").path("status").path("podIP").asText());
                previous = time;
            }
            String firstUid = events.get(0).path("object").path("metadata").path("uid").asText();
            String recreatedUid = events.get(3).path("object").path("metadata").path("uid").asText();
            assertFalse(firstUid.equals(recreatedUid), "the recreated pod is another object");
        }
    }

    @Test
    void watchCutMidEventResumesFromLastVersionWithoutLossOrDuplicate() throws Exception {
        try (RecordingHarness recording = record(List.of())) {
            recording.awaitListed();
            api.holdWatches(true);
            api.awaitHeldWatches(); // the watches open until now have ended empty
            api.cutNextWatchAfter(1);
            JsonObject first = pod("shop", "cart-2", "10.0.1.22");
            api.modifyStatus("pods", "shop", "cart-2", "phase", "Succeeded");
            api.delete("pods", "shop", "cart-2");
            api.holdWatches(false);
            List<JsonNode> lines = recording.awaitLines(l -> summary(l).contains("DELETED Pod shop/cart-2"));
            RecorderProgress progress = recording.stop();

            assertEquals(List.of("ADDED Pod shop/cart-2", "MODIFIED Pod shop/cart-2", "DELETED Pod shop/cart-2"),
                    summary(lines).subList(5, lines.size()));
            String resumedFrom = "resourceVersion=" + first.getAsJsonObject("metadata").get("resourceVersion").getAsString();
            assertTrue(api.requests().stream().anyMatch(p -> p.contains("/pods?") && p.contains("watch=true")
                    && p.contains(resumedFrom)), "watch resumed from the version of the last whole event");
            assertTrue(progress.reconnects() > 0);
            assertEquals(0, progress.relists());
        }
    }

    @Test
    void goneWatchRelistsAndWritesTheDifferences() throws Exception {
        pod("shop", "cart-2", "10.0.1.22");
        try (RecordingHarness recording = record(List.of())) {
            recording.awaitListed();
            api.holdWatches(true);
            api.awaitHeldWatches();
            api.delete("pods", "shop", "cart-1");
            api.modifyStatus("pods", "shop", "cart-2", "phase", "Failed");
            pod("shop", "cart-3", "10.0.1.21");
            api.forgetHistory();
            api.holdWatches(false);
            List<JsonNode> lines = recording.awaitLines(l -> summary(l).contains("ADDED Pod shop/cart-3"));
            // Every kind's watch was told its history is gone; the pods' re-list may finish before the others'.
            recording.awaitProgress(p -> p.relists() >= ResourceKind.values().length);
            RecorderProgress progress = recording.stop();

            assertEquals(List.of("DELETED Pod shop/cart-1", "MODIFIED Pod shop/cart-2", "ADDED Pod shop/cart-3"),
                    summary(lines).subList(6, lines.size()), "deletions first, so the reused IP is free again");
            assertEquals("Failed", lines.get(7).path("object").path("status").path("phase").asText());
            // the fake forgot the history of every kind, as an etcd compaction does
            assertEquals(ResourceKind.values().length, progress.relists());
            assertEquals(2, progress.podsTracked());
        }
    }

    @Test
    void stopLeavesAFileWhoseEveryLineHasTimeTypeAndObject() throws Exception {
        RecorderProgress progress;
        try (RecordingHarness recording = record(List.of())) {
            recording.awaitListed();
            for (int i = 0; i < 20; i++) {
                pod("shop", "load-" + i, "10.0.2." + i);
            }
            progress = recording.stop();
        }
        List<JsonNode> lines = RecordingHarness.lines(dir.resolve("rec.jsonl"));
        assertEquals(progress.events(), lines.size());
        for (JsonNode line : lines) {
            assertTrue(RFC3339_MS_UTC.matcher(line.path("time").asText()).matches(), line.toString());
            assertTrue(List.of("ADDED", "MODIFIED", "DELETED").contains(line.path("type").asText()));
            assertTrue(line.path("object").path("metadata").has("name"));
            assertFalse(line.path("object").path("kind").asText().isEmpty());
        }
    }

    @Test
    void durationEndsTheRecordingByItself() throws Exception {
        Path out = dir.resolve("timed.jsonl");
        Instant start = Instant.now();
        try (RecordingHarness recording = new RecordingHarness(api,
                new RecorderOptions(out, Duration.ofMillis(800), List.of(), false))) {
            RecorderProgress progress = recording.awaitEnd();
            assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(5)) < 0);
            assertEquals(Duration.ZERO, progress.remaining());
            assertEquals(5, progress.events());
            assertEquals(5, RecordingHarness.lines(out).size());
        }
    }

    @Test
    void aDurationShorterThanTheInitialListStillRecordsTheWholeList() throws Exception {
        Path out = dir.resolve("short.jsonl");
        try (RecordingHarness recording = new RecordingHarness(api,
                new RecorderOptions(out, Duration.ofNanos(1), List.of(), false))) {
            RecorderProgress progress = recording.awaitEnd();
            assertEquals(5, progress.events(), "the window's starting state is never cut off");
            assertEquals(5, RecordingHarness.lines(out).size());
        }
    }

    @Test
    void namespaceFilterKeepsClusterKindsAndTheApiServerSlice() throws Exception {
        api.create("v1", "Namespace", "namespaces", null, "other", new JsonObject());
        pod("other", "intruder", "10.0.1.99");
        api.create("discovery.k8s.io/v1", "EndpointSlice", "endpointslices", "default", "kubernetes",
                json("{\"metadata\":{\"labels\":{\"kubernetes.io/service-name\":\"kubernetes\"}},"
                        + "\"endpoints\":[{\"addresses\":[\"10.0.0.5\"]}]}"));
        api.create("discovery.k8s.io/v1", "EndpointSlice", "endpointslices", "default", "unrelated-abc",
                json("{\"metadata\":{\"labels\":{\"kubernetes.io/service-name\":\"unrelated\"}}}"));
        try (RecordingHarness recording = record(List.of("shop"))) {
            recording.awaitListed();
            pod("other", "intruder-2", "10.0.1.98");
            pod("shop", "cart-9", "10.0.1.29");
            List<JsonNode> lines = recording.awaitLines(l -> summary(l).contains("ADDED Pod shop/cart-9"));
            recording.stop();
            List<String> events = summary(lines);
            assertTrue(events.contains("ADDED Namespace other"), "namespaces are cluster-wide");
            assertTrue(events.contains("ADDED Node ip-10-0-1-10"));
            assertTrue(events.contains("ADDED EndpointSlice default/kubernetes"), "the API server is always known");
            assertFalse(events.contains("ADDED EndpointSlice default/unrelated-abc"));
            assertFalse(events.stream().anyMatch(e -> e.contains("intruder")), events.toString());
        }
    }

    @Test
    void appendingRecorderWritesOnlyWhatChangedWhileNoRecorderRan() throws Exception {
        Path out = dir.resolve("rec.jsonl");
        try (RecordingHarness first = record(List.of())) {
            first.awaitListed();
            first.stop();
        }
        api.delete("pods", "shop", "cart-1");
        pod("shop", "cart-4", "10.0.1.21");
        try (RecordingHarness second = new RecordingHarness(api, new RecorderOptions(out, null, List.of(), true))) {
            second.awaitListed();
            RecorderProgress progress = second.stop();
            assertEquals(2, progress.events());
            assertEquals(1, progress.podsTracked());
        }
        List<String> events = summary(RecordingHarness.lines(out));
        assertEquals(List.of("DELETED Pod shop/cart-1", "ADDED Pod shop/cart-4"), events.subList(5, events.size()));
    }

    @Test
    void existingRecordingIsRefusedWithoutAppend() throws Exception {
        Path out = java.nio.file.Files.writeString(dir.resolve("rec.jsonl"), "{}\n");
        try (RecordingHarness recording = record(List.of())) {
            InputException refused = assertInstanceOf(InputException.class, recording.awaitFailure());
            assertTrue(refused.getMessage().startsWith(out.toString()), refused.getMessage());
        }
        assertEquals("{}\n", java.nio.file.Files.readString(out));
    }

    @Test
    void forbiddenListStopsTheRecordingWithAnRbacHint() throws Exception {
        api.forbid("cronjobs");
        try (RecordingHarness recording = record(List.of())) {
            RuntimeException failure = recording.awaitFailure();
            InputException input = assertInstanceOf(InputException.class, failure);
            assertTrue(input.getMessage().contains("cronjobs"), input.getMessage());
            assertTrue(input.getMessage().contains("rbac.yaml"), input.getMessage());
        }
    }
}
