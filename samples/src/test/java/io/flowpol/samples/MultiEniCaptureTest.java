package io.flowpol.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nodes of three ENIs (DESIGN.md fact 13, issue 11), read back from the files only: pods sit on
 * every ENI of a node, each ENI shows its own primary IP in srcaddr/dstaddr, only the first ENI's
 * is the node's InternalIP, and SNAT-ed egress leaves through that one. v5 field indexes: 2
 * interface-id, 3 srcaddr, 4 dstaddr, 10 start, 13 log-status, 19 pkt-srcaddr, 20 pkt-dstaddr,
 * 21 flow-direction.
 */
class MultiEniCaptureTest {
    private static final Cidr VPC = Cidr.parse(ClusterPlan.VPC_CIDR);
    private static final ScenarioOptions OPTIONS = new ScenarioOptions(5, ScenarioOptions.DEFAULT_START,
            Duration.ofMinutes(25), 120, 0, 3, 30);
    private static Path dir;
    private static List<JsonNode> events;
    private static List<GeneratedScenario.PodSpan> pods;
    private static List<String[]> records;

    @BeforeAll
    static void generate() throws IOException {
        dir = Files.createTempDirectory("flowpol-multi-eni-");
        dir.toFile().deleteOnExit();
        new ScenarioGenerator(OPTIONS).write(dir);
        events = GeneratedScenario.readRecording(dir.resolve("recording.jsonl"));
        pods = RecordingReader.podSpans(events, OPTIONS.end());
        records = GeneratedScenario.records(dir, "v5").stream().filter(r -> r[13].equals("OK")).toList();
    }

    private static GeneratedScenario.PodSpan podAt(String ip, Instant t) {
        for (GeneratedScenario.PodSpan p : pods) {
            if (p.ip().equals(ip) && p.covers(t)) {
                return p;
            }
        }
        return null;
    }

    /** interface-id → the ENI's own address, from the side flow-direction names as local. */
    private static Map<String, String> primaries() {
        Map<String, String> own = new HashMap<>();
        for (String[] r : records) {
            String local = r[21].equals("egress") ? r[3] : r[4];
            String before = own.putIfAbsent(r[2], local);
            assertTrue(before == null || before.equals(local), r[2] + " shows two own addresses");
        }
        return own;
    }

    @Test
    void podsSitOnEveryEniOfTheirNodeAndEachEniShowsItsOwnPrimary() {
        Map<String, String> own = primaries();
        Map<String, Set<String>> enisByNode = new HashMap<>();
        for (String[] r : records) {
            boolean egress = r[21].equals("egress");
            GeneratedScenario.PodSpan local = podAt(egress ? r[19] : r[20], Instant.ofEpochSecond(Long.parseLong(r[10])));
            if (local != null && !local.ip().equals(RecordingReader.nodeIps(events).get(local.node()))) {
                enisByNode.computeIfAbsent(local.node(), n -> new HashSet<>()).add(r[2]);
                assertFalse(own.get(r[2]).equals(local.ip()), "a pod's secondary IP shown as the ENI's: " + local);
            }
        }
        long threeEniNodes = enisByNode.values().stream().filter(s -> s.size() == 3).count();
        assertTrue(threeEniNodes >= 4, "pods on all three ENIs of most nodes: " + enisByNode);
        assertTrue(enisByNode.values().stream().allMatch(s -> s.size() <= 3), enisByNode.toString());
        Set<String> nodeIps = new HashSet<>(RecordingReader.nodeIps(events).values());
        Set<String> podIps = new HashSet<>();
        pods.forEach(p -> podIps.add(p.ip()));
        for (Set<String> enis : enisByNode.values()) {
            long internal = enis.stream().filter(e -> nodeIps.contains(own.get(e))).count();
            assertTrue(internal <= 1, "only the first ENI's primary is the node's InternalIP");
            for (String e : enis) {
                if (!nodeIps.contains(own.get(e))) {
                    assertFalse(podIps.contains(own.get(e)), "a secondary ENI's primary is no pod's IP");
                }
            }
        }
    }

    @Test
    void snatEgressLeavesThroughTheNodesPrimaryEni() {
        Map<String, String> own = primaries();
        Set<String> nodeIps = new HashSet<>(RecordingReader.nodeIps(events).values());
        int snat = 0;
        for (String[] r : records) {
            boolean external = !VPC.contains(IpAddress.parse(r[4])) && r[21].equals("egress");
            if (external && nodeIps.contains(r[19])) {
                snat++;
                assertTrue(nodeIps.contains(own.get(r[2])), "SNAT captured at eth0: " + String.join(" ", r));
            }
        }
        assertTrue(snat > 0, "the scenario has SNAT-ed egress");
    }

    @Test
    void nodesHoldNoMorePodsThanTheirEnisHaveSecondaryIps() {
        Map<String, Set<String>> podsByNode = new HashMap<>();
        for (GeneratedScenario.PodSpan p : pods) {
            if (!p.ip().equals(RecordingReader.nodeIps(events).get(p.node()))) {
                podsByNode.computeIfAbsent(p.node(), n -> new HashSet<>()).add(p.pod());
            }
        }
        int limit = IpAllocator.SECONDARY_IPS_PER_ENI * 3;
        podsByNode.forEach((node, names) -> assertTrue(names.size() <= limit, node + ": " + names.size()));
        assertEquals(OPTIONS.extraWorkloads(), events.stream().filter(e -> e.path("object").path("kind").asText()
                .equals("Deployment") && e.path("object").path("metadata").path("name").asText().startsWith("svc-"))
                .count());
    }
}
