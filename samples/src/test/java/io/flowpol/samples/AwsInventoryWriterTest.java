package io.flowpol.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The scenario's AWS network inventory (issue 11 item 4), read back from its files and checked
 * against the flow logs and the recording of the same scenario, never against the planner: every
 * ENI a record names is listed with the record's subnet, instance and own address; every pod
 * address is a secondary IP of an ENI attached to its node's instance ({@code spec.providerID});
 * the NLB, the EKS control plane and the NAT gateway carry the fields AWS gives them. v5 field
 * indexes: 2 interface-id, 3 srcaddr, 4 dstaddr, 13 log-status, 14 vpc-id, 15 subnet-id, 16
 * instance-id, 21 flow-direction.
 */
class AwsInventoryWriterTest {
    private static final ScenarioOptions OPTIONS = new ScenarioOptions(5, ScenarioOptions.DEFAULT_START,
            Duration.ofMinutes(25), 120, 0, 3, 30, true);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static List<JsonNode> events;
    private static List<String[]> records;
    private static Map<String, JsonNode> enis;

    @BeforeAll
    static void generate() throws IOException {
        new ScenarioGenerator(OPTIONS).write(dir);
        events = GeneratedScenario.readRecording(dir.resolve("recording.jsonl"));
        records = GeneratedScenario.records(dir, "v5").stream().filter(r -> r[13].equals("OK")).toList();
        enis = new HashMap<>();
        for (JsonNode n : read("network-interfaces.json").path("NetworkInterfaces")) {
            assertNull(enis.put(n.path("NetworkInterfaceId").asText(), n), "listed once: " + n);
        }
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(dir.resolve("aws").resolve(file).toFile());
    }

    private static List<String> addresses(JsonNode eni) {
        List<String> out = new ArrayList<>();
        eni.path("PrivateIpAddresses").forEach(a -> out.add(a.path("PrivateIpAddress").asText()));
        return out;
    }

    @Test
    void everyEniOfTheFlowLogsIsListedWithItsSubnetInstanceAndOwnAddress() {
        Set<String> seen = new HashSet<>();
        for (String[] r : records) {
            JsonNode eni = enis.get(r[2]);
            assertNotNull(eni, "interface " + r[2] + " of the flow logs is in the inventory");
            assertEquals(r[14], eni.path("VpcId").asText(), r[2]);
            assertEquals(r[15], eni.path("SubnetId").asText(), r[2]);
            String instance = eni.path("Attachment").path("InstanceId").asText("-");
            assertEquals(r[16], instance.isEmpty() ? "-" : instance, r[2]);
            String local = r[21].equals("egress") ? r[3] : r[4];
            assertEquals(local, eni.path("PrivateIpAddress").asText(), "the ENI's primary is the records' local end");
            assertEquals(local, addresses(eni).get(0), r[2]);
            seen.add(r[2]);
        }
        assertEquals(enis.keySet(), seen, "and nothing the flow logs never capture at");
    }

    @Test
    void everyPodAddressIsASecondaryIpOfAnEniOfItsNodesInstance() {
        Map<String, String> instanceByNode = new HashMap<>();
        for (JsonNode e : events) {
            JsonNode o = e.get("object");
            if (o.get("kind").asText().equals("Node")) {
                String provider = o.path("spec").path("providerID").asText();
                assertTrue(provider.matches("aws:///eu-west-1[ab]/i-0[0-9a-f]{16}"), provider);
                instanceByNode.put(o.path("metadata").path("name").asText(),
                        provider.substring(provider.lastIndexOf('/') + 1));
            }
        }
        Map<String, String> instanceByAddress = new HashMap<>();
        Map<String, Integer> enisByInstance = new HashMap<>();
        for (JsonNode eni : enis.values()) {
            String instance = eni.path("Attachment").path("InstanceId").asText(null);
            for (String ip : addresses(eni)) {
                assertNull(instanceByAddress.put(ip, instance == null ? "-" : instance), ip + " on one ENI only");
            }
            if (instance != null) {
                enisByInstance.merge(instance, 1, Integer::sum);
                int device = eni.path("Attachment").path("DeviceIndex").asInt();
                assertEquals(device == 0 ? "" : "aws-K8S-" + instance, eni.path("Description").asText());
                assertEquals("interface", eni.path("InterfaceType").asText());
            }
        }
        assertEquals(Set.copyOf(instanceByNode.values()), enisByInstance.keySet(), "the ENIs of every node, no other");
        assertTrue(enisByInstance.values().stream().filter(n -> n == 3).count() >= 4, enisByInstance.toString());
        RecordingReader.nodeIps(events).forEach((node, ip) -> assertEquals(instanceByNode.get(node),
                instanceByAddress.get(ip), "InternalIP of " + node));
        List<GeneratedScenario.PodSpan> pods = RecordingReader.podSpans(events, OPTIONS.end());
        assertTrue(pods.size() > 50, "pods: " + pods.size());
        for (GeneratedScenario.PodSpan p : pods) {
            assertEquals(instanceByNode.get(p.node()), instanceByAddress.get(p.ip()), p.toString());
        }
    }

    @Test
    void theLoadBalancerControlPlaneAndNatGatewayCarryTheFieldsAwsGivesThem() {
        String hostname = null;
        for (JsonNode e : events) {
            JsonNode o = e.get("object");
            if (o.get("kind").asText().equals("Service")) {
                for (JsonNode ingress : o.path("status").path("loadBalancer").path("ingress")) {
                    hostname = ingress.path("hostname").asText();
                }
            }
        }
        assertNotNull(hostname);
        Set<String> apiServer = RecordingReader.apiServerIps(events);
        Set<String> nlb = new HashSet<>();
        Set<String> eks = new HashSet<>();
        Set<String> nat = new HashSet<>();
        for (JsonNode eni : enis.values()) {
            String description = eni.path("Description").asText();
            switch (eni.path("InterfaceType").asText()) {
                case "network_load_balancer" -> {
                    String name = description.split("/")[1];
                    assertTrue(description.matches("ELB net/[a-z0-9-]+/[0-9a-f]{16}"), description);
                    assertTrue(hostname.startsWith(name + "."), name + " names " + hostname);
                    assertEquals("amazon-elb", eni.path("RequesterId").asText());
                    nlb.addAll(addresses(eni));
                }
                case "nat_gateway" -> {
                    assertTrue(description.matches("Interface for NAT Gateway nat-0[0-9a-f]{16}"), description);
                    nat.addAll(addresses(eni));
                }
                default -> {
                    if (description.startsWith("Amazon EKS ")) {
                        assertEquals("Amazon EKS " + AwsInventoryWriter.CLUSTER, description);
                        assertTrue(eni.path("RequesterManaged").asBoolean());
                        assertTrue(eni.path("Attachment").path("InstanceId").isMissingNode(), "cross-account");
                        eks.addAll(addresses(eni));
                    }
                }
            }
        }
        assertEquals(Set.of("10.0.1.50", "10.0.2.50"), nlb);
        assertEquals(apiServer, eks);
        assertEquals(Set.of("10.0.0.100"), nat);
    }

    @Test
    void subnetsAndTheVpcHoldEveryAddress() throws IOException {
        JsonNode vpc = read("vpcs.json").path("Vpcs").get(0);
        assertEquals(records.get(0)[14], vpc.path("VpcId").asText());
        Cidr vpcCidr = Cidr.parse(vpc.path("CidrBlock").asText());
        Map<String, Cidr> subnets = new HashMap<>();
        for (JsonNode s : read("subnets.json").path("Subnets")) {
            assertEquals(vpc.path("VpcId").asText(), s.path("VpcId").asText());
            subnets.put(s.path("SubnetId").asText(), Cidr.parse(s.path("CidrBlock").asText()));
        }
        for (JsonNode eni : enis.values()) {
            Cidr subnet = subnets.get(eni.path("SubnetId").asText());
            assertNotNull(subnet, eni.path("SubnetId").asText());
            for (String ip : addresses(eni)) {
                assertTrue(subnet.contains(IpAddress.parse(ip)) && vpcCidr.contains(IpAddress.parse(ip)), ip);
            }
        }
    }

    @Test
    void withoutExternalSnatThereIsNoNatGatewayAndTheSameSeedWritesTheSameBytes() throws IOException {
        Path plain = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-plain"));
        Path again = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-again"));
        try {
            new ScenarioGenerator(OPTIONS.withExternalSnat(false)).write(plain);
            new ScenarioGenerator(OPTIONS.withExternalSnat(false)).write(again);
            for (String file : List.of("network-interfaces.json", "subnets.json", "vpcs.json")) {
                assertEquals(Files.readString(plain.resolve("aws").resolve(file)),
                        Files.readString(again.resolve("aws").resolve(file)), file);
            }
            String text = Files.readString(plain.resolve("aws").resolve("network-interfaces.json"));
            assertTrue(!text.contains("nat_gateway") && text.contains("\"Groups\": [],") && text.startsWith("{\n    \""),
                    "no NAT gateway; printed as the AWS CLI prints");
        } finally {
            delete(plain);
            delete(again);
        }
    }

    private static void delete(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
