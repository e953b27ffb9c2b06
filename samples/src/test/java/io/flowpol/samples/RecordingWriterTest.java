package io.flowpol.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingWriterTest {
    @TempDir
    static Path dir;
    private static GeneratedScenario scenario;

    @BeforeAll
    static void generate() {
        scenario = GeneratedScenario.generate(dir);
    }

    @Test
    void everyLineIsAWatchEventAndTimesNeverGoBack() {
        Instant last = Instant.MIN;
        Set<String> types = Set.of("ADDED", "MODIFIED", "DELETED");
        for (JsonNode e : scenario.events) {
            Instant t = Instant.parse(e.get("time").asText());
            assertFalse(t.isBefore(last), "time went back at " + e);
            last = t;
            assertTrue(types.contains(e.get("type").asText()), e.toString());
            JsonNode o = e.get("object");
            for (String field : List.of("apiVersion", "kind", "metadata")) {
                assertTrue(o.has(field), field + " missing in " + o);
            }
            assertTrue(o.get("metadata").has("uid"), o.toString());
        }
    }

    @Test
    void recordingHoldsEveryKindTheContractNames() {
        Set<String> kinds = new HashSet<>();
        scenario.events.forEach(e -> kinds.add(e.get("object").get("kind").asText()));
        assertEquals(Set.of("Namespace", "Node", "Pod", "Service", "EndpointSlice", "Deployment", "ReplicaSet",
                "StatefulSet", "DaemonSet", "Job", "CronJob"), kinds);
    }

    @Test
    void podsAndTheirOwnersPointToTheirControllerAndNamespacesCarryTheNameLabel() {
        for (JsonNode e : scenario.events) {
            JsonNode o = e.get("object");
            String kind = o.get("kind").asText();
            if (Set.of("Pod", "ReplicaSet", "Job").contains(kind)) {
                JsonNode ref = o.get("metadata").get("ownerReferences").get(0);
                assertTrue(ref.get("controller").asBoolean(), o.toString());
            }
            if (kind.equals("Namespace")) {
                assertEquals(o.get("metadata").get("name").asText(),
                        o.get("metadata").get("labels").get("kubernetes.io/metadata.name").asText());
            }
        }
    }

    @Test
    void everyPodIpLiesInItsNodesSubnet() {
        Map<String, String> nodeIps = RecordingReader.nodeIps(scenario.events);
        for (GeneratedScenario.PodSpan p : scenario.pods) {
            Cidr subnet = new Cidr(IpAddress.parse(nodeIps.get(p.node())), 24);
            assertTrue(contains(subnet, p.ip()), p + " outside " + subnet);
            assertFalse(nodeIps.containsValue(p.ip()), "pod uses a node's primary IP: " + p);
        }
    }

    @Test
    void noTwoLivePodsShareAnIpAtAnyInstant() {
        List<GeneratedScenario.PodSpan> pods = scenario.pods;
        for (int i = 0; i < pods.size(); i++) {
            for (int j = i + 1; j < pods.size(); j++) {
                GeneratedScenario.PodSpan a = pods.get(i);
                GeneratedScenario.PodSpan b = pods.get(j);
                boolean overlap = a.from().isBefore(b.to()) && b.from().isBefore(a.to());
                if (a.ip().equals(b.ip()) && overlap) {
                    fail(a + " and " + b + " share an IP");
                }
            }
        }
    }

    @Test
    void someIpIsReusedByAPodOfAnotherWorkload() {
        Map<String, String> firstWorkload = new HashMap<>();
        boolean reused = false;
        for (GeneratedScenario.PodSpan p : scenario.pods.stream()
                .sorted((a, b) -> a.from().compareTo(b.from())).toList()) {
            String before = firstWorkload.putIfAbsent(p.ip(), p.workload());
            reused |= before != null && !before.equals(p.workload());
        }
        assertTrue(reused, "no IP went from one workload to another");
    }

    @Test
    void apiServerEndpointsAreVpcAddressesThatAreNeitherNodesNorPods() {
        Set<String> api = RecordingReader.apiServerIps(scenario.events);
        assertEquals(2, api.size());
        Cidr vpc = Cidr.parse(ClusterPlan.VPC_CIDR);
        for (String ip : api) {
            assertTrue(contains(vpc, ip), ip);
            assertFalse(RecordingReader.nodeIps(scenario.events).containsValue(ip), ip);
            assertTrue(scenario.pods.stream().noneMatch(p -> p.ip().equals(ip)), ip);
        }
    }

    static boolean contains(Cidr cidr, String ip) {
        return cidr.contains(IpAddress.parse(ip));
    }
}
