package io.flowpol.ingest.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.VpcAddress;
import io.flowpol.ingest.cluster.ClusterRecording;
import io.flowpol.ingest.cluster.ClusterRecordingReader;
import io.flowpol.ingest.ec2.Ec2TestServer.Eni;
import io.flowpol.ingest.record.RecordingWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --aws-network live}: snapshots of the VPC written into the recording as timed
 * events, and read back as an inventory that holds each address only while the snapshots listed
 * it — load balancer and node ENIs come and go within a window (issue 11 item 2).
 */
class AwsNetworkRecordingTest {
    static final String VPC = "vpc-0123456789abcdef0";
    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    /** A clock the test moves: each poll is stamped with the time it set. */
    private static final class StepClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static VpcAddress at(NetworkInventory inventory, String ip, Instant time) {
        return inventory.lookup(IpAddress.parse(ip), time.toEpochMilli());
    }

    @Test
    void enisAppearingAndVanishingBetweenSnapshotsHoldTheirAddressesOnlyWhileListed() throws Exception {
        Path recording = dir.resolve("recording.jsonl");
        StepClock clock = new StepClock();
        try (Ec2TestServer server = new Ec2TestServer(2); var client = server.client();
             RecordingWriter writer = RecordingWriter.open(recording, false)) {
            server.vpc(VPC, "10.0.0.0/16").subnet("subnet-a", VPC, "10.0.1.0/24")
                    .eni(new Eni("eni-node-a2", VPC, "subnet-a", "aws-K8S-i-0aaa", "interface", false, "i-0aaa", "10.0.1.90", "10.0.1.91"))
                    .eni(new Eni("eni-lb-1", VPC, "subnet-a", "ELB net/k8s-shop-frontend-5d4c3b2a19/0123", "network_load_balancer",
                            true, null, "10.0.1.50"));
            AwsNetworkPoller poller = new AwsNetworkPoller(new Ec2NetworkReader(client), VPC, "eu-west-1", clock);
            poller.poll(writer);                                        // 10:00
            clock.now = T0.plusSeconds(300);
            server.remove("eni-lb-1");                                  // the NLB scaled in...
            server.eni(new Eni("eni-lb-2", VPC, "subnet-a", "ELB net/k8s-shop-frontend-5d4c3b2a19/0123", "network_load_balancer",
                    true, null, "10.0.1.51"));                          // ... and out in another subnet address
            server.eni(new Eni("eni-node-a2", VPC, "subnet-a", "aws-K8S-i-0aaa", "interface", false, "i-0aaa",
                    "10.0.1.90", "10.0.1.91", "10.0.1.92"));            // the CNI assigned one more address
            poller.poll(writer);                                        // 10:05
            clock.now = T0.plusSeconds(600);
            server.eni(new Eni("eni-node-b2", VPC, "subnet-a", "aws-K8S-i-0bbb", "interface", false, "i-0bbb", "10.0.1.60", "10.0.1.50"));
            poller.poll(writer);                                        // 10:10: the NLB's old address is a node's now
            clock.now = T0.plusSeconds(900);
            poller.poll(writer);                                        // 10:15: nothing changed
            assertEquals(4, poller.polls());
        }
        List<String> lines = Files.readAllLines(recording);
        // 2 ENIs + snapshot; -lb-1, +lb-2, ~node-a2 + snapshot; +node-b2 + snapshot; snapshot.
        assertEquals(3 + 4 + 2 + 1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("{\"time\":\"2026-11-30T10:00:00.000Z\",\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"flowpol.io/v1\",\"kind\":\"AwsNetworkInterface\",\"metadata\":{\"name\":\"eni-node-a2\"},\"networkInterface\":{"),
                lines.get(0));
        assertTrue(lines.subList(3, 7).stream().anyMatch(l -> l.contains("\"type\":\"DELETED\"") && l.contains("eni-lb-1")),
                () -> String.join("\n", lines));
        assertEquals(1, lines.subList(3, 7).stream().filter(l -> l.contains("\"type\":\"MODIFIED\"")).count());

        ClusterRecording read = new ClusterRecordingReader().read(List.of(recording));
        NetworkInventory inventory = read.inventory();
        assertTrue(inventory.isTimed());
        Instant t0 = T0;
        assertEquals("load balancer k8s-shop-frontend-5d4c3b2a19 (NLB)", at(inventory, "10.0.1.50", t0.plusSeconds(60)).displayName());
        assertNull(at(inventory, "10.0.1.50", t0.plusSeconds(420)), "between the NLB's ENI going and the node's coming");
        assertEquals("i-0bbb", at(inventory, "10.0.1.50", t0.plusSeconds(700)).instanceId());
        assertNull(at(inventory, "10.0.1.51", t0.plusSeconds(60)), "before the snapshot that listed it");
        assertEquals(VpcAddress.Kind.NETWORK_LOAD_BALANCER, at(inventory, "10.0.1.51", t0.plusSeconds(3600)).kind());
        assertNull(at(inventory, "10.0.1.92", t0.plusSeconds(200)));
        assertEquals("eni-node-a2", at(inventory, "10.0.1.92", t0.plusSeconds(400)).eniId());
        assertEquals("eni-node-a2", at(inventory, "10.0.1.90", t0.plusSeconds(100)).eniId());
        assertEquals("eni-node-a2", at(inventory, "10.0.1.90", t0.plusSeconds(4000)).eniId());
        assertEquals(java.util.Set.of(VPC), inventory.vpcIds());
        assertEquals("[10.0.0.0/16, 10.0.1.0/24]", inventory.cidrs().toString());
        // The recording's other readers are not disturbed: no warning about ignored kinds.
        assertTrue(read.warnings().stream().noneMatch(w -> w.message().contains("AwsNetwork")), read.warnings()::toString);
    }

    @Test
    void aRecordingWithoutSnapshotsHasNoInventory() throws Exception {
        Path recording = dir.resolve("old.jsonl");
        Files.writeString(recording, "{\"time\":\"2026-11-30T10:00:00Z\",\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\","
                + "\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}}\n");
        ClusterRecording read = new ClusterRecordingReader().read(List.of(recording));
        assertTrue(read.inventory().isEmpty());
    }

    @Test
    void aMalformedRecordedEniNamesTheFileTheLineAndTheField() throws Exception {
        Path recording = dir.resolve("bad.jsonl");
        Files.writeString(recording, "{\"time\":\"2026-11-30T10:00:00Z\",\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\","
                + "\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}}\n"
                + "{\"time\":\"2026-11-30T10:00:00Z\",\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"flowpol.io/v1\","
                + "\"kind\":\"AwsNetworkInterface\",\"metadata\":{\"name\":\"eni-1\"},\"networkInterface\":{\"NetworkInterfaceId\":\"eni-1\","
                + "\"PrivateIpAddresses\":[{\"PrivateIpAddress\":true}]}}}\n");
        InputException e = assertThrows(InputException.class, () -> new ClusterRecordingReader().read(List.of(recording)));
        assertEquals(recording.toString(), e.problem().file());
        assertEquals(2, e.problem().line());
        assertEquals("object.networkInterface.PrivateIpAddresses[0].PrivateIpAddress", e.problem().field());
    }
}
