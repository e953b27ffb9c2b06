package io.flowpol.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the generated flow logs against DESIGN.md facts 1–5 and 11, reading only the files:
 * the recording tells which address is a node, a pod (at a time) or the API server.
 * v5 field indexes: 3 srcaddr, 4 dstaddr, 5 srcport, 6 dstport, 7 protocol, 10 start,
 * 13 log-status, 17 tcp-flags, 19 pkt-srcaddr, 20 pkt-dstaddr, 21 flow-direction.
 */
class FlowCaptureTest {
    private static final Cidr VPC = Cidr.parse(ClusterPlan.VPC_CIDR);
    @TempDir
    static Path dir;
    private static GeneratedScenario scenario;
    private final Set<String> nodeIps = new HashSet<>(RecordingReader.nodeIps(scenario.events).values());
    private final Set<String> apiServerIps = RecordingReader.apiServerIps(scenario.events);

    @BeforeAll
    static void generate() {
        scenario = GeneratedScenario.generate(dir);
    }

    @Test
    void everyV2RecordShowsItsCapturingEniByThatEnisPrimaryIp() throws IOException {
        Map<String, Set<String>> common = new HashMap<>();
        for (String[] r : ok(scenario.records("v2"))) {
            Set<String> pair = Set.of(r[3], r[4]);
            common.merge(r[2], new HashSet<>(pair), (a, b) -> {
                a.retainAll(b);
                return a;
            });
        }
        assertTrue(common.size() >= 7, "nodes, API server and NLB ENIs all capture: " + common.keySet());
        Set<String> podIps = new HashSet<>();
        scenario.pods.forEach(p -> podIps.add(p.ip()));
        for (Map.Entry<String, Set<String>> eni : common.entrySet()) {
            assertEquals(1, eni.getValue().size(), eni.getKey() + " shows no single own address");
            String own = eni.getValue().iterator().next();
            assertFalse(podIps.contains(own), eni.getKey() + " captured as a pod's secondary IP " + own);
            boolean loadBalancer = VPC.contains(IpAddress.parse(own)) && !nodeIps.contains(own);
            assertTrue(nodeIps.contains(own) || apiServerIps.contains(own) || loadBalancer, own);
        }
    }

    @Test
    void pktAddressesNameBothPodsWhileSrcOrDstNamesTheCapturingNode() throws IOException {
        int podToPod = 0;
        for (String[] r : ok(scenario.records("v5"))) {
            Instant t = Instant.ofEpochSecond(Long.parseLong(r[10]));
            GeneratedScenario.PodSpan src = scenario.podAt(r[19], t);
            GeneratedScenario.PodSpan dst = scenario.podAt(r[20], t);
            if (src == null || dst == null) {
                continue;
            }
            podToPod++;
            assertNotEquals(src.node(), dst.node(), "same-node traffic was logged: " + String.join(" ", r));
            boolean egress = r[21].equals("egress");
            String capturingNode = RecordingReader.nodeIps(scenario.events).get(egress ? src.node() : dst.node());
            assertEquals(capturingNode, egress ? r[3] : r[4], String.join(" ", r));
            assertEquals(egress ? r[20] : r[19], egress ? r[4] : r[3], String.join(" ", r));
        }
        assertTrue(podToPod > 100, "pod-to-pod records: " + podToPod);
    }

    @Test
    void theFourRecordsOfACrossNodeConnectionShareProtocolAndPorts() throws IOException {
        Map<String, List<String[]>> byConnection = new HashMap<>();
        for (String[] r : ok(scenario.records("v5"))) {
            boolean request = r[17].equals("3");
            boolean reply = r[17].equals("19");
            if (request || reply) {
                String client = request ? r[19] + ":" + r[5] : r[20] + ":" + r[6];
                String server = request ? r[20] + ":" + r[6] : r[19] + ":" + r[5];
                byConnection.computeIfAbsent(r[7] + " " + client + " " + server, k -> new ArrayList<>()).add(r);
            }
        }
        int checked = 0;
        for (List<String[]> records : byConnection.values()) {
            boolean podToPod = records.stream().allMatch(r -> isPod(r[19], r) && isPod(r[20], r));
            if (!podToPod || touchesSkippedData(records)) {
                continue;
            }
            assertEquals(4, records.size(), "records of one connection");
            Set<String> enis = new HashSet<>();
            Set<String> sides = new HashSet<>();
            for (String[] r : records) {
                enis.add(r[2]);
                sides.add(r[2] + " " + r[21]);
                assertEquals(records.get(0)[7], r[7]);
            }
            assertEquals(2, enis.size(), "captured at the client's and the server's ENI");
            assertEquals(4, sides.size(), "each ENI sees one egress and one ingress record");
            checked++;
        }
        assertTrue(checked > 50, "complete cross-node connections: " + checked);
    }

    @Test
    void podEgressToTheInternetIsSeenAsTheNodeAfterSnat() throws IOException {
        int external = 0;
        for (String[] r : ok(scenario.records("v5"))) {
            boolean request = !r[17].equals("19"); // replies go out to the NLB's office clients too
            if (r[21].equals("egress") && request && !VPC.contains(IpAddress.parse(r[4]))) {
                external++;
                assertTrue(nodeIps.contains(r[3]), String.join(" ", r));
                assertEquals(r[3], r[19], "pkt-srcaddr is the SNAT-ed node address too");
            }
        }
        assertTrue(external > 0);
    }

    @Test
    void unansweredSynsAreExactlyTheAttemptsTheTruthLists() throws IOException {
        List<String[]> records = ok(scenario.records("v5"));
        Set<String> directions = new HashSet<>();
        for (String[] r : records) {
            directions.add(r[19] + ":" + r[5] + ">" + r[20] + ":" + r[6]);
        }
        Set<String> attempted = new HashSet<>();
        int unanswered = 0;
        for (String[] r : records) {
            boolean reply = directions.contains(r[20] + ":" + r[6] + ">" + r[19] + ":" + r[5]);
            boolean fromInternet = !VPC.contains(IpAddress.parse(r[19]));
            if (r[17].equals("2") && !reply && !fromInternet) {
                unanswered++;
                assertEquals("ACCEPT", r[12], "a policy drop happens after the ENI");
                Instant t = Instant.ofEpochSecond(Long.parseLong(r[10]));
                attempted.add(scenario.podAt(r[19], t).workload() + " " + scenario.podAt(r[20], t).workload());
            }
        }
        Set<String> expected = new HashSet<>();
        for (JsonNode e : truth().get("edges")) {
            if (e.get("attemptOnly").asBoolean()) {
                expected.add(e.get("client").asText() + " " + e.get("server").asText());
            }
        }
        assertTrue(unanswered >= 2, "attempt records at the client and the server ENI: " + unanswered);
        assertEquals(expected, attempted);
    }

    @Test
    void longLivedConnectionsSpanSeveralIntervalsWithAckOnlyRecords() throws IOException {
        Map<String, Set<String>> intervals = new HashMap<>();
        boolean ackOnly = false;
        for (String[] r : ok(scenario.records("v5"))) {
            intervals.computeIfAbsent(r[2] + " " + r[19] + ":" + r[5] + ">" + r[20] + ":" + r[6],
                    k -> new HashSet<>()).add(r[10]);
            ackOnly |= r[7].equals("6") && r[17].equals("0");
        }
        assertTrue(ackOnly, "a TCP record with tcp-flags 0");
        assertTrue(intervals.values().stream().anyMatch(s -> s.size() >= 10), "a 5-tuple seen in 10 intervals");
    }

    @Test
    void nothingIsLoggedToTheMetadataServiceOrTheVpcResolverButNoDataAndSkipDataAre() throws IOException {
        List<String[]> all = scenario.records("v2");
        for (String[] r : all) {
            for (String address : List.of(r[3], r[4])) {
                assertFalse(address.equals("169.254.169.254") || address.equals("10.0.0.2"), String.join(" ", r));
            }
        }
        assertTrue(all.stream().anyMatch(r -> r[13].equals("NODATA") && r[3].equals("-")));
        assertEquals(1, all.stream().filter(r -> r[13].equals("SKIPDATA")).count());
        assertTrue(all.stream().anyMatch(r -> r[12].equals("REJECT")));
    }

    @Test
    void truthEdgesAreInTheLogsExactlyWhenTruthSaysTheyCrossedNodes() throws IOException {
        Set<String> logged = new HashSet<>();
        for (String[] r : ok(scenario.records("v5"))) {
            Instant t = Instant.ofEpochSecond(Long.parseLong(r[10]));
            GeneratedScenario.PodSpan src = scenario.podAt(r[19], t);
            GeneratedScenario.PodSpan dst = scenario.podAt(r[20], t);
            if (src != null && dst != null && !r[17].equals("19") && r[21].equals("egress")) {
                logged.add(src.workload() + " " + dst.workload() + " " + (r[7].equals("6") ? "TCP" : "UDP") + " " + r[6]);
            }
        }
        int compared = 0;
        for (JsonNode e : truth().get("edges")) {
            if (e.get("clientKind").asText().equals("workload") && e.get("serverKind").asText().equals("workload")) {
                String key = e.get("client").asText() + " " + e.get("server").asText() + " "
                        + e.get("protocol").asText() + " " + e.get("port").asInt();
                assertEquals(e.get("observableCrossNode").asBoolean(), logged.contains(key), key);
                compared++;
            }
        }
        assertTrue(compared >= 10, "workload edges compared: " + compared);
    }

    private boolean isPod(String ip, String[] r) {
        return scenario.podAt(ip, Instant.ofEpochSecond(Long.parseLong(r[10]))) != null;
    }

    private JsonNode truth() throws IOException {
        return new ObjectMapper().readTree(scenario.dir.resolve("truth.json").toFile());
    }

    /** Records near the one SKIPDATA interval may be lost on one side: not a broken connection. */
    private boolean touchesSkippedData(List<String[]> records) throws IOException {
        if (skipped == null) {
            skipped = new ArrayList<>();
            scenario.records("v5").stream().filter(s -> s[13].equals("SKIPDATA"))
                    .forEach(s -> skipped.add(Long.parseLong(s[10])));
        }
        for (long start : skipped) {
            for (String[] r : records) {
                long t = Long.parseLong(r[10]);
                if (t >= start - 60 && t <= start + 120) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Long> skipped;

    private static List<String[]> ok(List<String[]> records) {
        return records.stream().filter(r -> r[13].equals("OK")).toList();
    }
}
