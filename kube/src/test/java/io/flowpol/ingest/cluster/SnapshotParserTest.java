package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.KubeObjects.event;
import static io.flowpol.ingest.cluster.KubeObjects.millis;
import static io.flowpol.ingest.cluster.KubeObjects.pod;
import static io.flowpol.ingest.cluster.KubeObjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.PodSpan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl get -o json} Lists as snapshots. */
class SnapshotParserTest {

    @TempDir
    Path dir;

    /** kubectl's layout: pretty-printed, items before kind, typed items without kind. */
    private Path podList(String listKind, boolean itemKinds, String time) {
        ObjectNode list = KubeObjects.JSON.createObjectNode();
        list.put("apiVersion", "v1");
        ArrayNode items = list.putArray("items");
        for (ObjectNode pod : List.of(
                pod("shop", "web-1", "u1", "10.0.1.5", "n1", Map.of("app", "web")),
                pod("shop", "web-2", "u2", "10.0.1.6", "n2", Map.of("app", "web")))) {
            if (!itemKinds) {
                pod.remove("kind");
                pod.remove("apiVersion");
            }
            items.add(pod);
        }
        list.put("kind", listKind);
        if (time != null) {
            list.put("time", time);
        }
        list.putObject("metadata").put("resourceVersion", "");
        return write(dir, "pods.json", List.of(list.toPrettyString()));
    }

    @Test
    void podListWithKindlessItemsCoversTheWholeWindowAndWarns() {
        ClusterRecording recording = new ClusterRecordingReader().read(List.of(podList("PodList", false, null)));
        ClusterTimeline timeline = recording.timeline();

        assertEquals(2, timeline.pods().size());
        for (PodSpan span : timeline.pods()) {
            assertEquals(Long.MIN_VALUE, span.from());
            assertEquals(Long.MAX_VALUE, span.to());
        }
        assertEquals(Long.MIN_VALUE, timeline.start());
        assertEquals(Long.MAX_VALUE, timeline.end());
        assertEquals(2, recording.events());
        assertTrue(recording.warnings().stream().anyMatch(w -> w.message().contains("reused")), recording.warnings().toString());
    }

    @Test
    void genericListItemWithoutKindIsFatal() {
        Path file = podList("List", false, null);
        InputException e = assertThrows(InputException.class, () -> new ClusterRecordingReader().read(List.of(file)));

        assertEquals("items[0].kind", e.problem().field());
        assertTrue(e.problem().line() > 1, "line of the item, found " + e.problem().line());
    }

    @Test
    void genericListWithKindsIsRead() {
        ClusterRecording recording = new ClusterRecordingReader().read(List.of(podList("List", true, null)));

        assertEquals(2, recording.timeline().pods().size());
    }

    @Test
    void snapshotWithTimeStartsItsSpansThen() {
        ClusterRecording recording = new ClusterRecordingReader().read(
                List.of(podList("PodList", false, "2024-05-01T10:00:00Z")));

        assertEquals(millis("2024-05-01T10:00:00Z"), recording.timeline().pods().get(0).from());
        assertTrue(recording.warnings().stream().noneMatch(w -> w.message().contains("reused")));
    }

    @Test
    void laterWatchEventsEndSnapshotSpans() {
        Path events = write(dir, "events.jsonl", List.of(
                event("2024-05-01T10:05:00Z", "DELETED", pod("shop", "web-1", "u1", "10.0.1.5", "n1", Map.of()))));
        ClusterTimeline timeline = new ClusterRecordingReader().read(List.of(events, podList("PodList", false, null))).timeline();

        assertEquals(millis("2024-05-01T10:05:00Z"), timeline.pods().get(0).to());
        assertEquals(Long.MAX_VALUE, timeline.pods().get(1).to());
    }

    @Test
    void documentWithoutItemsIsFatal() {
        Path file = write(dir, "x.json", List.of("{", "  \"kind\": \"Pod\"", "}"));
        InputException e = assertThrows(InputException.class, () -> new ClusterRecordingReader().read(List.of(file)));

        assertEquals("items", e.problem().field());
    }

    @Test
    void truncatedDocumentIsFatalWithItsLine() {
        Path file = write(dir, "x.json", List.of("{", "  \"items\": [", "    {\"kind\": \"Pod\","));
        InputException e = assertThrows(InputException.class, () -> new ClusterRecordingReader().read(List.of(file)));

        assertTrue(e.problem().line() >= 3, e.getMessage());
    }
}
