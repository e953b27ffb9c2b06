package io.flowpol.ingest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flowpol.inference.timeline.NodeSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's {@code spec.providerID} is kept: it names the EC2 instance its ENIs attach to (issue 11 item 2). */
class NodeProviderIdTest {
    @TempDir
    Path dir;

    private static String node(String time, String type, String name, String ip, String providerId) {
        return "{\"time\":\"" + time + "\",\"type\":\"" + type + "\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Node\","
                + "\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{" + (providerId == null ? "" : "\"providerID\":\"" + providerId + "\"")
                + "},\"status\":{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"" + ip + "\"}]}}}\n";
    }

    @Test
    void theInstanceOfANodeComesFromItsProviderId() throws Exception {
        Path file = Files.writeString(dir.resolve("r.jsonl"),
                node("2026-11-30T10:00:00Z", "ADDED", "ip-10-0-1-10", "10.0.1.10", "aws:///eu-west-1a/i-0468d174efcf53ba9")
                + node("2026-11-30T10:00:00Z", "ADDED", "ip-10-0-1-11", "10.0.1.11", null)
                + node("2026-11-30T10:05:00Z", "MODIFIED", "ip-10-0-1-10", "10.0.1.12", null));
        List<NodeSpan> nodes = new ClusterRecordingReader().read(List.of(file)).timeline().nodes();
        assertEquals("i-0468d174efcf53ba9", nodes.get(0).instanceId());
        // A later event of the node without the field (a trimmed update) keeps the instance.
        assertEquals("i-0468d174efcf53ba9", nodes.get(1).instanceId());
        assertEquals("ip-10-0-1-11", nodes.get(2).name());
        assertNull(nodes.get(2).instanceId());
    }
}
