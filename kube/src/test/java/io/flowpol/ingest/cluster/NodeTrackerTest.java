package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.KubeObjects.event;
import static io.flowpol.ingest.cluster.KubeObjects.millis;
import static io.flowpol.ingest.cluster.KubeObjects.node;
import static io.flowpol.ingest.cluster.KubeObjects.pod;
import static io.flowpol.ingest.cluster.KubeObjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NodeSpan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeTrackerTest {

    @TempDir
    Path dir;

    private ClusterTimeline read(String... lines) {
        return new ClusterRecordingReader().read(List.of(write(dir, "r.jsonl", List.of(lines)))).timeline();
    }

    @Test
    void nodeSpanCarriesInternalAndExternalAddressesUntilDeleted() {
        ObjectNode node = node("ip-10-0-0-10", "10.0.0.10", "54.1.2.3", "linux");
        NodeSpan span = read(
                event("2024-05-01T10:00:00Z", "ADDED", node),
                event("2024-05-01T10:30:00Z", "MODIFIED", node),
                event("2024-05-01T11:00:00Z", "DELETED", node)).nodes().get(0);

        assertEquals(List.of(IpAddress.parse("10.0.0.10"), IpAddress.parse("54.1.2.3")), span.addresses());
        assertEquals("linux", span.os());
        assertEquals(millis("2024-05-01T10:00:00Z"), span.from());
        assertEquals(millis("2024-05-01T11:00:00Z"), span.to());
    }

    @Test
    void changedAddressesStartANewSpan() {
        ClusterTimeline timeline = read(
                event("2024-05-01T10:00:00Z", "ADDED", node("n1", "10.0.0.10", null, "linux")),
                event("2024-05-01T10:10:00Z", "MODIFIED", node("n1", "10.0.0.10", "54.1.2.3", "linux")));

        assertEquals(2, timeline.nodes().size());
        assertEquals(List.of(IpAddress.parse("10.0.0.10")), timeline.nodes().get(0).addresses());
        assertEquals(timeline.nodes().get(0).to(), timeline.nodes().get(1).from());
        assertEquals(Long.MAX_VALUE, timeline.nodes().get(1).to());
    }

    @Test
    void podOnWindowsNodeTakesTheNodeOs() {
        ClusterTimeline timeline = read(
                event("2024-05-01T10:00:00Z", "ADDED", node("win1", "10.0.0.20", null, "windows")),
                event("2024-05-01T10:00:01Z", "ADDED", pod("shop", "iis", "u1", "10.0.0.21", "win1", Map.of("app", "iis"))),
                event("2024-05-01T10:00:02Z", "ADDED", pod("shop", "web", "u2", "10.0.0.31", "unknown", Map.of("app", "web"))));

        assertEquals("windows", timeline.pods().get(0).os());
        assertEquals(null, timeline.pods().get(1).os());
    }

    @Test
    void podOsFallsBackToItsNodeSelector() {
        ObjectNode pod = pod("shop", "iis", "u1", "10.0.0.21", "win1", Map.of("app", "iis"));
        pod.withObjectProperty("spec").putObject("nodeSelector").put("kubernetes.io/os", "windows");

        assertEquals("windows", read(event("2024-05-01T10:00:00Z", "ADDED", pod)).pods().get(0).os());
    }
}
