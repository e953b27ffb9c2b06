package io.flowpol.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --external-snat true} (issue 14 item 5): pods reach the internet with their own address,
 * and the NAT gateway's ENI records each such connection as AWS documents ("Traffic through a NAT
 * gateway"): sender → gateway with the destination in pkt-dstaddr, gateway → destination, and the
 * reply both ways. v5 field indexes: 2 interface-id, 3 srcaddr, 4 dstaddr, 5 srcport, 6 dstport,
 * 13 log-status, 19 pkt-srcaddr, 20 pkt-dstaddr.
 */
class ExternalSnatCaptureTest {
    private static final Cidr VPC = Cidr.parse(ClusterPlan.VPC_CIDR);
    private static final String NAT_ENI = FlowCapture.NAT_GATEWAY_ENI.id();
    private static final String NAT_IP = Ids.ip(FlowCapture.NAT_GATEWAY_ENI.primaryIp());

    @TempDir
    Path dir;

    private static boolean external(String ip) {
        return !VPC.contains(IpAddress.parse(ip));
    }

    @Test
    void podsSendToTheInternetWithTheirOwnAddressAndTheNatGatewayRecordsIt() throws IOException {
        new ScenarioGenerator(GeneratedScenario.OPTIONS.withExternalSnat(true)).write(dir);
        List<String[]> v5 = GeneratedScenario.records(dir, "v5").stream().filter(r -> r[13].equals("OK")).toList();
        Set<String> senderConnections = new HashSet<>();
        Set<String> gatewayConnections = new HashSet<>();
        for (String[] r : v5) {
            // Requests only: a load balancer's replies to internet clients go back its own way.
            boolean toInternet = external(r[20]) && !external(r[19]) && Integer.parseInt(r[6]) < 32768;
            if (!toInternet) {
                continue;
            }
            String connection = r[19] + ":" + r[5] + " " + r[20] + ":" + r[6];
            if (r[2].equals(NAT_ENI)) {
                if (r[4].equals(NAT_IP)) {
                    // Arriving at the gateway: addressed to its own IP, the destination only in pkt-dstaddr.
                    assertEquals(r[19], r[3], "the sender's real address in srcaddr: " + String.join(" ", r));
                    gatewayConnections.add(connection);
                } else {
                    assertEquals(NAT_IP, r[3], "leaving the gateway from its own address: " + String.join(" ", r));
                }
            } else {
                assertFalse(r[19].equals(NAT_IP), String.join(" ", r));
                senderConnections.add(connection);
            }
        }
        assertTrue(gatewayConnections.size() >= 5, "the gateway translated pods' connections: " + gatewayConnections);
        Set<String> onlySender = new HashSet<>(senderConnections);
        onlySender.removeAll(gatewayConnections);
        Set<String> onlyGateway = new HashSet<>(gatewayConnections);
        onlyGateway.removeAll(senderConnections);
        assertEquals(Set.of(), onlySender, "seen at the sender's ENI, not at the gateway's; gateway only: " + onlyGateway);
        // One node ENI loses one interval (SKIPDATA, fact 8): its connections are seen at the gateway only.
        assertTrue(onlyGateway.size() * 50 < gatewayConnections.size(), "seen at the gateway's ENI only: " + onlyGateway);
    }

    @Test
    void withoutExternalSnatTheGatewayRecordsNothing() throws IOException {
        new ScenarioGenerator(GeneratedScenario.OPTIONS).write(dir);
        assertTrue(GeneratedScenario.records(dir, "v2").stream().noneMatch(r -> r[2].equals(NAT_ENI)));
    }
}
