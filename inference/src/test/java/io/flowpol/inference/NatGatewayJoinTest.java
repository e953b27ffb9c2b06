package io.flowpol.inference;

import static io.flowpol.inference.ClusterBuilder.deployment;
import static io.flowpol.inference.FlowBuilder.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 5 in the default format (v2): with external SNAT a pod's connection to the
 * internet is logged at its node's ENI as node → destination and at the NAT gateway's ENI as
 * pod → gateway (the gateway's own leg leaves from a translated port). Joined on the node, both
 * ports and the time, they give pod → destination exactly; where the data does not single out one
 * partner, nothing is guessed.
 */
class NatGatewayJoinTest {
    static final String NODE_A = "10.0.1.10";
    static final String NODE_B = "10.0.2.10";
    static final String PAYMENT_IP = "10.0.1.21";
    static final String CART_IP = "10.0.1.22";
    static final String OTHER_IP = "10.0.2.23";
    static final String GATEWAY = "10.0.0.100";
    static final String INTERNET = "198.51.100.23";
    static final WorkloadId PAYMENT = deployment("shop", "payment");
    static final WorkloadId CART = deployment("shop", "cart");

    private final ClusterBuilder cluster = new ClusterBuilder()
            .node("node-a", NODE_A)
            .node("node-b", NODE_B)
            .pod("shop", "payment", "payment-1", "node-a", PAYMENT_IP, -10, -1)
            .pod("shop", "cart", "cart-1", "node-a", CART_IP, -10, -1)
            .pod("shop", "other", "other-1", "node-b", OTHER_IP, -10, -1);

    private final FlowInference inference = new FlowInference(cluster.build(), InferenceOptions.defaults());
    private final FlowRecord cursor = new FlowRecord();

    /** Node leg at the node's ENI: the ENI's primary address, as v2 shows it (fact 2). */
    private void nodeLeg(String eni, String node, int port, int minute) {
        tcp(eni, node, port, INTERNET, 443, minute).into(inference, cursor);
        tcp(eni, INTERNET, 443, node, port, minute).into(inference, cursor);
    }

    /** Gateway legs at the gateway's ENI: pod → gateway and back, gateway → internet from its own port. */
    private void gatewayLegs(String pod, int port, int minute) {
        tcp("eni-nat", pod, port, GATEWAY, 443, minute).into(inference, cursor);
        tcp("eni-nat", GATEWAY, 443, pod, port, minute).into(inference, cursor);
        tcp("eni-nat", GATEWAY, 2000 + port % 1000, INTERNET, 443, minute).into(inference, cursor);
        tcp("eni-nat", INTERNET, 443, GATEWAY, 2000 + port % 1000, minute).into(inference, cursor);
    }

    private static List<Edge> toInternet(InferenceResult result) {
        return result.edges().stream().filter(e -> e.server().kind() == Peer.Kind.EXTERNAL).toList();
    }

    @Test
    void theNodesAndTheGatewaysRecordsOfOneConnectionNameThePodAndTheDestination() {
        for (int i = 0; i < 5; i++) {
            nodeLeg("eni-a", NODE_A, 41000 + i, 3 + i);
            gatewayLegs(PAYMENT_IP, 41000 + i, 3 + i);
        }
        InferenceResult result = inference.finish();
        List<Edge> egress = toInternet(result);
        assertEquals(1, egress.size(), () -> "edges: " + result.edges());
        assertEquals(Peer.workload(PAYMENT), egress.get(0).client());
        assertEquals(5, egress.get(0).evidence().connections());
        assertEquals(List.of(), result.snatEgress(), "nothing is left to candidates");
        assertTrue(result.edges().stream().noneMatch(e -> e.server().kind() == Peer.Kind.VPC_ADDRESS),
                () -> "no edge to the gateway's address: " + result.edges());
        assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("external-snat")
                && f.message().contains("5 of them joined") && f.message().contains(GATEWAY)),
                () -> "findings: " + result.findings());
    }

    @Test
    void aGatewayLegFromAnotherNodeIsNoPartner() {
        nodeLeg("eni-a", NODE_A, 41000, 3);
        gatewayLegs(OTHER_IP, 41000, 3);
        InferenceResult result = inference.finish();
        assertTrue(toInternet(result).stream().noneMatch(e -> e.client().kind() == Peer.Kind.WORKLOAD),
                () -> "edges: " + result.edges());
        assertEquals(1, result.snatEgress().size(), "the node leg keeps its candidates");
    }

    @Test
    void twoPossiblePartnersAreLeftAsTheyAreNotGuessed() {
        // payment and cart, both on node-a, sent from the same port at the same minute: which one node-a's
        // connection was cannot be told.
        nodeLeg("eni-a", NODE_A, 41000, 3);
        gatewayLegs(PAYMENT_IP, 41000, 3);
        gatewayLegs(CART_IP, 41000, 3);
        InferenceResult result = inference.finish();
        assertTrue(toInternet(result).stream().noneMatch(e -> e.client().kind() == Peer.Kind.WORKLOAD),
                () -> "edges: " + result.edges());
        assertEquals(1, result.snatEgress().size());
    }

    @Test
    void legsHoursApartAreNotJoined() {
        nodeLeg("eni-a", NODE_A, 41000, 3);
        gatewayLegs(PAYMENT_IP, 41000, 300);
        InferenceResult result = inference.finish();
        assertTrue(toInternet(result).stream().noneMatch(e -> e.client().kind() == Peer.Kind.WORKLOAD),
                () -> "edges: " + result.edges());
    }

    @Test
    void withoutTheNodesRecordsTheGatewayIsOnlyReportedAsLikely() {
        // Flow logs on the gateway's subnet only: pods send to a VPC address that sends on to the internet.
        gatewayLegs(PAYMENT_IP, 41000, 3);
        InferenceResult result = inference.finish();
        assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("external-snat-hidden")
                && f.message().startsWith(GATEWAY + " looks like a NAT gateway")), () -> "findings: " + result.findings());
        assertTrue(result.findings().stream().noneMatch(f -> f.code().equals("external-snat")));
    }
}
