package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.KubeObjects.event;
import static io.flowpol.ingest.cluster.KubeObjects.millis;
import static io.flowpol.ingest.cluster.KubeObjects.owned;
import static io.flowpol.ingest.cluster.KubeObjects.pod;
import static io.flowpol.ingest.cluster.KubeObjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.model.WorkloadId;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterRecordingReaderTest {

    @TempDir
    Path dir;

    private ClusterRecording read(String... lines) {
        return new ClusterRecordingReader().read(List.of(write(dir, "recording.jsonl", List.of(lines))));
    }

    @Test
    void reusedIpBelongsToEachPodOnlyWhileItHeldIt() {
        ObjectNode a = owned(pod("shop", "cart-7d9f8b-x1", "uid-a", "10.0.1.5", "n1",
                Map.of("app", "cart", "pod-template-hash", "7d9f8b")),
                "ReplicaSet", "cart-7d9f8b");
        ObjectNode b = owned(pod("shop", "db-0", "uid-b", "10.0.1.5", "n1", Map.of("app", "db")),
                "StatefulSet", "db");
        ClusterTimeline timeline = read(
                event("2024-05-01T10:00:00Z", "ADDED", a),
                event("2024-05-01T10:02:00Z", "DELETED", a),
                event("2024-05-01T10:07:00Z", "ADDED", b)).timeline();

        assertEquals(2, timeline.pods().size());
        PodSpan cart = timeline.pods().get(0);
        PodSpan db = timeline.pods().get(1);
        assertEquals("cart-7d9f8b-x1", cart.name());
        assertEquals(new WorkloadId("shop", "Deployment", "cart"), cart.workload());
        assertEquals(millis("2024-05-01T10:00:00Z"), cart.from());
        assertEquals(millis("2024-05-01T10:02:00Z"), cart.to());
        assertEquals(new WorkloadId("shop", "StatefulSet", "db"), db.workload());
        assertEquals(millis("2024-05-01T10:07:00Z"), db.from());
        assertEquals(Long.MAX_VALUE, db.to());
        assertEquals(List.of(IpAddress.parse("10.0.1.5")), db.ips());
        long at10h05 = millis("2024-05-01T10:05:00Z");
        assertFalse(cart.aliveAt(at10h05));
        assertFalse(db.aliveAt(at10h05));
        assertEquals(millis("2024-05-01T10:00:00Z"), timeline.start());
        assertEquals(millis("2024-05-01T10:07:00Z"), timeline.end());
    }

    @Test
    void podWithoutIpOpensItsSpanWhenTheIpIsAssigned() {
        ObjectNode pending = pod("shop", "web", "uid-w", null, "n1", Map.of("app", "web"));
        ObjectNode running = pod("shop", "web", "uid-w", "10.0.1.9", "n1", Map.of("app", "web"));
        List<PodSpan> pods = read(
                event("2024-05-01T10:00:00Z", "ADDED", pending),
                event("2024-05-01T10:00:04Z", "MODIFIED", running)).timeline().pods();

        assertEquals(1, pods.size());
        assertEquals(millis("2024-05-01T10:00:04Z"), pods.get(0).from());
    }

    @Test
    void succeededPhaseEndsTheSpanBeforeDeletion() {
        ObjectNode running = pod("batch", "once", "uid-o", "10.0.2.7", "n1", Map.of("app", "once"));
        ObjectNode done = running.deepCopy();
        done.withObjectProperty("status").put("phase", "Succeeded");
        List<PodSpan> pods = read(
                event("2024-05-01T10:00:00Z", "ADDED", running),
                event("2024-05-01T10:05:00Z", "MODIFIED", done),
                event("2024-05-01T10:30:00Z", "DELETED", done)).timeline().pods();

        assertEquals(1, pods.size());
        assertEquals(millis("2024-05-01T10:05:00Z"), pods.get(0).to());
    }

    @Test
    void ipChangeEndsOneSpanAndStartsAnother() {
        ObjectNode first = pod("shop", "web", "uid-w", "10.0.1.9", "n1", Map.of());
        ObjectNode moved = pod("shop", "web", "uid-w", "10.0.3.3", "n2", Map.of());
        List<PodSpan> pods = read(
                event("2024-05-01T10:00:00Z", "ADDED", first),
                event("2024-05-01T10:10:00Z", "MODIFIED", moved)).timeline().pods();

        assertEquals(2, pods.size());
        assertEquals(pods.get(0).to(), pods.get(1).from());
        assertEquals("n2", pods.get(1).node());
        assertEquals(List.of(IpAddress.parse("10.0.3.3")), pods.get(1).ips());
    }

    @Test
    void missedDeletionEndsTheOldSpanWhenAnotherPodTakesItsIp() {
        ObjectNode a = pod("shop", "a", "uid-a", "10.0.1.5", "n1", Map.of("app", "a"));
        ObjectNode b = pod("shop", "b", "uid-b", "10.0.1.5", "n1", Map.of("app", "b"));
        ClusterRecording recording = read(
                event("2024-05-01T10:00:00Z", "ADDED", a),
                event("2024-05-01T10:07:00Z", "ADDED", b));

        PodSpan first = recording.timeline().pods().get(0);
        assertEquals("a", first.name());
        assertEquals(millis("2024-05-01T10:07:00Z"), first.to());
        assertTrue(recording.warnings().stream().anyMatch(w -> w.message().contains("10.0.1.5")));
    }

    @Test
    void filesAreMergedByEventTime() {
        ObjectNode a = pod("shop", "a", "uid-a", "10.0.1.5", "n1", Map.of());
        Path late = write(dir, "late.jsonl", List.of(event("2024-05-01T10:02:00Z", "DELETED", a)));
        Path early = write(dir, "early.jsonl", List.of(event("2024-05-01T10:00:00+00:00", "ADDED", a)));
        ClusterRecording recording = new ClusterRecordingReader().read(List.of(late, early));

        PodSpan span = recording.timeline().pods().get(0);
        assertEquals(millis("2024-05-01T10:00:00Z"), span.from());
        assertEquals(millis("2024-05-01T10:02:00Z"), span.to());
        assertEquals(2, recording.events());
    }

    @Test
    void namespacesAlwaysCarryTheirNameLabel() {
        ObjectNode shop = KubeObjects.labels(KubeObjects.object("Namespace", null, "shop"), Map.of("team", "a"));
        ClusterTimeline timeline = read(
                event("2024-05-01T10:00:00Z", "ADDED", shop),
                event("2024-05-01T10:00:01Z", "ADDED", pod("ops", "p", "u", "10.0.1.1", "n1", Map.of()))).timeline();

        assertEquals(2, timeline.namespaces().size());
        assertEquals("ops", timeline.namespaces().get(0).name());
        assertEquals(Map.of("kubernetes.io/metadata.name", "ops"), timeline.namespaces().get(0).labels());
        assertEquals(Map.of("kubernetes.io/metadata.name", "shop", "team", "a"), timeline.namespaces().get(1).labels());
    }

    @Test
    void otherKindsAreCountedAndWarnedAbout() {
        ClusterRecording recording = read(
                event("2024-05-01T10:00:00Z", "ADDED", KubeObjects.object("ConfigMap", "shop", "c1")),
                event("2024-05-01T10:00:00Z", "ADDED", KubeObjects.object("ConfigMap", "shop", "c2")));

        assertEquals(2, recording.events());
        assertTrue(recording.warnings().stream().anyMatch(w -> w.message().contains("2 event(s) of kind ConfigMap")));
    }

    @Test
    void podCarriesDeclaredPortsServiceAccountAndLabels() {
        ObjectNode pod = pod("shop", "web", "uid-w", "10.0.1.9", "n1", Map.of("app", "web"));
        pod.withObjectProperty("metadata").putArray("managedFields").addObject().put("manager", "kubectl");
        ObjectNode spec = pod.withObjectProperty("spec").put("serviceAccountName", "web-sa");
        ObjectNode container = spec.putArray("containers").addObject().put("name", "app");
        container.putArray("env").addObject().put("name", "X").put("value", "y");
        container.putArray("ports").addObject().put("name", "http").put("containerPort", 8080);
        container.withArrayProperty("ports").addObject().put("containerPort", 8125).put("protocol", "UDP");
        PodSpan span = read(event("2024-05-01T10:00:00Z", "ADDED", pod)).timeline().pods().get(0);

        assertEquals(List.of(new ContainerPort("http", 8080, Protocol.TCP), new ContainerPort(null, 8125, Protocol.UDP)),
                span.ports());
        assertEquals("web-sa", span.serviceAccount());
        assertEquals(Map.of("app", "web"), span.labels());
        assertEquals("uid-w", span.uid());
        assertFalse(span.hostNetwork());
    }

    @Test
    void gzippedRecordingIsRead() throws IOException {
        Path file = dir.resolve("recording.jsonl.gz");
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            out.write(event("2024-05-01T10:00:00Z", "ADDED", pod("shop", "web", "u", "10.0.1.9", "n1", Map.of())) + "\n");
        }

        assertEquals(1, new ClusterRecordingReader().read(List.of(file)).timeline().pods().size());
    }

    @Test
    void podWithoutNamespaceIsFatal() {
        ObjectNode pod = pod("shop", "web", "u", "10.0.1.9", "n1", Map.of());
        pod.withObjectProperty("metadata").remove("namespace");
        InputException e = assertThrows(InputException.class, () -> read(event("2024-05-01T10:00:00Z", "ADDED", pod)));

        assertEquals("object.metadata.namespace", e.problem().field());
    }

    @Test
    void lineThatIsNotJsonIsFatalWithFileAndLine() {
        Path file = write(dir, "bad.jsonl", List.of(
                event("2024-05-01T10:00:00Z", "ADDED", KubeObjects.object("Namespace", null, "shop")),
                "this is not json"));
        InputException e = assertThrows(InputException.class, () -> new ClusterRecordingReader().read(List.of(file)));

        assertEquals(file.toString(), e.problem().file());
        assertEquals(2, e.problem().line());
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
    }

    @Test
    void badTimeIsFatalNamingTheField() {
        Path file = write(dir, "bad.jsonl", List.of(
                event("2024-05-01 10:00:00", "ADDED", KubeObjects.object("Namespace", null, "shop"))));
        InputException e = assertThrows(InputException.class, () -> new ClusterRecordingReader().read(List.of(file)));

        assertEquals(1, e.problem().line());
        assertEquals("time", e.problem().field());
        assertEquals("2024-05-01 10:00:00", e.problem().found());
    }

    @Test
    void eventWithoutObjectIsFatal() {
        Path file = write(dir, "bad.jsonl", List.of("{\"time\":\"2024-05-01T10:00:00Z\",\"type\":\"ADDED\"}"));
        InputException e = assertThrows(InputException.class, () -> new ClusterRecordingReader().read(List.of(file)));

        assertEquals("object", e.problem().field());
    }

    @Test
    void missingFileIsFatalNamingIt() {
        Path missing = dir.resolve("nope.jsonl");
        InputException e = assertThrows(InputException.class, () -> new ClusterRecordingReader().read(List.of(missing)));

        assertTrue(e.getMessage().contains("nope.jsonl"), e.getMessage());
    }
}
