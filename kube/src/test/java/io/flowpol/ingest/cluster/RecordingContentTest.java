package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.KubeObjects.event;
import static io.flowpol.ingest.cluster.KubeObjects.labels;
import static io.flowpol.ingest.cluster.KubeObjects.millis;
import static io.flowpol.ingest.cluster.KubeObjects.object;
import static io.flowpol.ingest.cluster.KubeObjects.owned;
import static io.flowpol.ingest.cluster.KubeObjects.pod;
import static io.flowpol.ingest.cluster.KubeObjects.selector;
import static io.flowpol.ingest.cluster.KubeObjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.Workload;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 7: impossible objects are input errors; a pod relabeled off its controller is resolved or orphaned. */
class RecordingContentTest {

    @TempDir
    Path dir;

    private Path file;

    private ClusterRecording read(String... lines) {
        file = write(dir, "recording.jsonl", List.of(lines));
        return new ClusterRecordingReader().read(List.of(file));
    }

    private static ObjectNode deployment(String name, Map<String, String> match) {
        return selector(object("Deployment", "shop", name), match);
    }

    private static ObjectNode replicaSet(String name, String deployment, Map<String, String> match) {
        return owned(selector(object("ReplicaSet", "shop", name), match), "Deployment", deployment);
    }

    private static ObjectNode cartPod(String app) {
        return owned(pod("shop", "cart-abc-x1", "uid-1", "10.0.1.5", "n1", Map.of("app", app, "pod-template-hash", "abc")),
                "ReplicaSet", "cart-abc");
    }

    @Test
    void labelsThatAreAStringAreFatalNamingFileLineAndField() {
        ObjectNode pod = cartPod("cart");
        pod.withObjectProperty("metadata").put("labels", "app=cart");

        InputException e = assertThrows(InputException.class, () -> read(
                event("2024-05-01T10:00:00Z", "ADDED", object("Namespace", null, "shop")),
                event("2024-05-01T10:00:01Z", "ADDED", pod)));

        assertEquals(file.toString(), e.problem().file());
        assertEquals(2, e.problem().line());
        assertEquals("object.metadata.labels", e.problem().field());
    }

    @Test
    void labelValueThatIsNotAStringIsFatal() {
        ObjectNode pod = cartPod("cart");
        pod.withObjectProperty("metadata").withObjectProperty("labels").put("tier", 3);

        InputException e = assertThrows(InputException.class, () -> read(event("2024-05-01T10:00:00Z", "ADDED", pod)));

        assertEquals(1, e.problem().line());
        assertEquals("object.metadata.labels.tier", e.problem().field());
    }

    @Test
    void selectorMatchLabelsThatAreNotAnObjectAreFatal() {
        ObjectNode deployment = object("Deployment", "shop", "cart");
        deployment.putObject("spec").putObject("selector").put("matchLabels", "app=cart");

        InputException e = assertThrows(InputException.class, () -> read(event("2024-05-01T10:00:00Z", "ADDED", deployment)));

        assertEquals("object.spec.selector.matchLabels", e.problem().field());
    }

    @Test
    void nameThatIsNoKubernetesNameIsFatal() {
        ObjectNode pod = pod("shop", "web\u001b[2J", "u", "10.0.1.9", "n1", Map.of());

        InputException e = assertThrows(InputException.class, () -> read(event("2024-05-01T10:00:00Z", "ADDED", pod)));

        assertEquals("object.metadata.name", e.problem().field());
        assertTrue(e.getMessage().contains("'web\\x1b[2J'"), e.getMessage());
    }

    @Test
    void ownerNameThatIsNoKubernetesNameIsFatal() {
        ObjectNode pod = owned(pod("shop", "web-1", "u", "10.0.1.9", "n1", Map.of()), "ReplicaSet", "../../etc");

        InputException e = assertThrows(InputException.class, () -> read(event("2024-05-01T10:00:00Z", "ADDED", pod)));

        assertEquals("object.metadata.ownerReferences[0].name", e.problem().field());
    }

    @Test
    void namespaceNameLabelThatDiffersFromItsNameIsFatal() {
        ObjectNode namespace = labels(object("Namespace", null, "shop"), Map.of("kubernetes.io/metadata.name", "shopx"));

        InputException e = assertThrows(InputException.class, () -> read(event("2024-05-01T10:00:00Z", "ADDED", namespace)));

        assertEquals(1, e.problem().line());
        assertEquals("object.metadata.labels.kubernetes.io/metadata.name", e.problem().field());
        assertTrue(e.getMessage().contains("shop") && e.getMessage().contains("shopx"), e.getMessage());
    }

    @Test
    void podRelabeledOffItsControllerIsOrphanedFromThenOn() {
        ClusterRecording recording = read(
                event("2024-05-01T10:00:00Z", "ADDED", deployment("cart", Map.of("app", "cart"))),
                event("2024-05-01T10:00:00Z", "ADDED", replicaSet("cart-abc", "cart", Map.of("app", "cart", "pod-template-hash", "abc"))),
                event("2024-05-01T10:00:00Z", "ADDED", cartPod("cart")),
                event("2024-05-01T10:30:00Z", "MODIFIED", cartPod("cart-debug")));
        ClusterTimeline timeline = recording.timeline();

        assertEquals(2, timeline.pods().size());
        PodSpan before = timeline.pods().get(0);
        PodSpan after = timeline.pods().get(1);
        assertEquals(new WorkloadId("shop", "Deployment", "cart"), before.workload());
        assertEquals(millis("2024-05-01T10:30:00Z"), before.to());
        WorkloadId orphan = new WorkloadId("shop", "Pod", "cart-abc-x1");
        assertEquals(orphan, after.workload());
        assertEquals(millis("2024-05-01T10:30:00Z"), after.from());
        Workload orphaned = timeline.workloads().stream().filter(w -> w.id().equals(orphan)).findFirst().orElseThrow();
        assertEquals(LabelSelector.of(Map.of("app", "cart-debug")), orphaned.selector());
        for (PodSpan span : timeline.pods()) {
            Workload w = timeline.workloads().stream().filter(x -> x.id().equals(span.workload())).findFirst().orElseThrow();
            assertTrue(w.selector().matches(span.labels()), span + " selected by its workload " + w);
        }
        assertTrue(recording.warnings().stream().anyMatch(p -> p.message().contains("orphaned")
                && p.message().contains("shop/cart-abc-x1")), recording.warnings().toString());
    }

    @Test
    void podRelabeledToAnotherControllersSelectorJoinsThatWorkload() {
        ClusterTimeline timeline = read(
                event("2024-05-01T10:00:00Z", "ADDED", deployment("cart", Map.of("app", "cart"))),
                event("2024-05-01T10:00:00Z", "ADDED", deployment("cart-debug", Map.of("app", "cart-debug"))),
                event("2024-05-01T10:00:00Z", "ADDED", replicaSet("cart-abc", "cart", Map.of("app", "cart", "pod-template-hash", "abc"))),
                event("2024-05-01T10:00:00Z", "ADDED", cartPod("cart")),
                event("2024-05-01T10:30:00Z", "MODIFIED", cartPod("cart-debug"))).timeline();

        assertEquals(new WorkloadId("shop", "Deployment", "cart-debug"), timeline.pods().get(1).workload());
    }

    @Test
    void relabeledBarePodIsSelectedByTheLabelsAllItsSpansShare() {
        ObjectNode v1 = pod("ops", "toolbox", "uid-t", "10.0.1.7", "n1", Map.of("app", "toolbox", "version", "1"));
        ObjectNode v2 = pod("ops", "toolbox", "uid-t", "10.0.1.7", "n1", Map.of("app", "toolbox", "version", "2"));
        ClusterTimeline timeline = read(
                event("2024-05-01T10:00:00Z", "ADDED", v1),
                event("2024-05-01T10:10:00Z", "MODIFIED", v2)).timeline();

        assertEquals(2, timeline.pods().size());
        assertEquals(1, timeline.workloads().size());
        assertEquals(LabelSelector.of(Map.of("app", "toolbox")), timeline.workloads().get(0).selector());
    }
}
