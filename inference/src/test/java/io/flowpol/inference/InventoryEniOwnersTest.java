package io.flowpol.inference;

import static io.flowpol.inference.ClusterBuilder.at;
import static io.flowpol.inference.ClusterBuilder.deployment;
import static io.flowpol.inference.FlowBuilder.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.VpcAddress;
import io.flowpol.inference.model.VpcAddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.NodeSpan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 2: with the AWS network inventory, an ENI's node is the node whose
 * {@code spec.providerID} names the instance the ENI is attached to ({@code Attachment.InstanceId}),
 * and an ENI the inventory names as a load balancer's is no node's — where the records' own votes
 * ({@link EniLearning}) are thin or contradictory.
 */
class InventoryEniOwnersTest {
    static final String NODE_A = "10.0.1.10";
    static final String NODE_B = "10.0.2.10";
    static final String NODE_C = "10.0.3.10";
    static final String ENI_A2 = "10.0.1.90";
    static final String FRONTEND = "10.0.1.21";
    static final String BACKEND = "10.0.2.31";
    static final String CART = "10.0.2.32";
    static final String WEB = "10.0.3.41";
    static final String LOAD_BALANCER = "10.0.2.50";

    private final ClusterBuilder cluster = new ClusterBuilder()
            .node("node-a", NODE_A)
            .node("node-b", NODE_B)
            .node("node-c", NODE_C)
            .pod("shop", "frontend", "frontend-1", "node-a", FRONTEND, -10, -1)
            .pod("shop", "web", "web-1", "node-c", WEB, -10, -1)
            .pod("shop", "backend", "backend-1", "node-b", BACKEND, -10, -1, new ContainerPort("http", 8080, Protocol.TCP))
            .pod("shop", "cart", "cart-1", "node-b", CART, -10, -1, new ContainerPort("http", 8080, Protocol.TCP));
    private final FlowRecord cursor = new FlowRecord();

    /** The recording's nodes with {@code spec.providerID}, as EKS writes it. */
    private ClusterTimeline withProviderIds(boolean providerIds) {
        ClusterTimeline t = cluster.build();
        List<NodeSpan> nodes = t.nodes().stream().map(n -> new NodeSpan(n.name(), n.addresses(), n.labels(), n.os(),
                n.from(), n.to(), providerIds ? "aws:///eu-west-1a/i-" + n.name() : null)).toList();
        return new ClusterTimeline(t.namespaces(), nodes, t.pods(), t.workloads(), t.services(), t.apiServer(),
                t.start(), t.end());
    }

    private static VpcAddress eni(String ip, VpcAddress.Kind kind, String eniId, String instance) {
        return new VpcAddress(IpAddress.parse(ip), kind, null, eniId, instance, "vpc-1");
    }

    private InferenceResult run(ClusterTimeline timeline, NetworkInventory inventory, List<List<FlowBuilder>> records) {
        FlowInference inference = new FlowInference(timeline, InferenceOptions.defaults(), inventory);
        records.forEach(list -> list.forEach(r -> r.into(inference, cursor)));
        return inference.finish();
    }

    private static List<FlowBuilder> clientSide(String eni, String primary, int port, String server, int minute) {
        return List.of(tcp(eni, primary, port, server, 8080, minute), tcp(eni, server, 8080, primary, port, minute));
    }

    private static List<FlowBuilder> serverSide(String client, String eni, String primary, int port, int minute) {
        return List.of(tcp(eni, client, port, primary, 8080, minute), tcp(eni, primary, 8080, client, port, minute));
    }

    /**
     * node-a's second ENI: one of its connections (the server's records lost) collides on ports
     * with web's connection from node-c, so the records vote 2 for node-a and 1 for node-c. The
     * votes alone do not settle it (dissent), and its connections stay unresolved; the inventory
     * says the ENI is attached to node-a's instance.
     */
    private static List<List<FlowBuilder>> secondaryEniWithADissentingVote() {
        return List.of(
                serverSide(WEB, "eni-b", NODE_B, 40000, 1),
                clientSide("eni-a2", ENI_A2, 40000, BACKEND, 1),
                clientSide("eni-a2", ENI_A2, 40100, BACKEND, 2),
                serverSide(FRONTEND, "eni-b", NODE_B, 40100, 2),
                clientSide("eni-a2", ENI_A2, 40200, BACKEND, 3),
                serverSide(FRONTEND, "eni-b", NODE_B, 40200, 3));
    }

    private static Optional<Edge> edge(InferenceResult result, String client, String server) {
        return result.edges().stream().filter(e -> e.client().equals(Peer.workload(deployment("shop", client)))
                && e.server().equals(Peer.workload(deployment("shop", server)))).findFirst();
    }

    @Test
    void theInventorySettlesASecondaryEniOnTheNodeOfItsInstance() {
        NetworkInventory inventory = new NetworkInventory(
                List.of(eni(ENI_A2, VpcAddress.Kind.NODE_ENI, "eni-a2", "i-node-a")), List.of(), List.of());
        InferenceResult result = run(withProviderIds(true), inventory, secondaryEniWithADissentingVote());
        assertEquals(2, edge(result, "frontend", "backend").orElseThrow(() -> new AssertionError(result.edges()))
                .evidence().connections());
    }

    @Test
    void withoutTheInventoryTheDissentingVoteLeavesTheEniUnplaced() {
        // The same records as above: what the inventory adds (this is the behaviour it fixes).
        InferenceResult result = run(withProviderIds(true), NetworkInventory.EMPTY, secondaryEniWithADissentingVote());
        assertTrue(edge(result, "frontend", "backend").isEmpty(), () -> "edges: " + result.edges());
    }

    @Test
    void aRecordingWithoutProviderIdsLeavesTheNodeToTheVotes() {
        NetworkInventory inventory = new NetworkInventory(
                List.of(eni(ENI_A2, VpcAddress.Kind.NODE_ENI, "eni-a2", "i-node-a")), List.of(), List.of());
        InferenceResult result = run(withProviderIds(false), inventory, secondaryEniWithADissentingVote());
        assertTrue(edge(result, "frontend", "backend").isEmpty(), () -> "edges: " + result.edges());
    }

    /**
     * A load balancer's ENI whose only two connections to cart share ports with frontend's
     * connections to backend (ports collide at high connection rates): the votes settle it on
     * node-a and join its records with frontend's, an edge frontend → cart that never was. The
     * inventory says it is an NLB's: no node's.
     */
    private static List<List<FlowBuilder>> loadBalancerWithCollidingPorts() {
        List<List<FlowBuilder>> out = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int port = 50000 + i;
            out.add(serverSide(FRONTEND, "eni-b", NODE_B, port, 1));
            out.add(List.of(tcp("eni-lb", LOAD_BALANCER, port, CART, 8080, 1), tcp("eni-lb", CART, 8080, LOAD_BALANCER, port, 1)));
            out.add(List.of(tcp("eni-b", LOAD_BALANCER, port, NODE_B, 8080, 1), tcp("eni-b", NODE_B, 8080, LOAD_BALANCER, port, 1)));
            out.add(clientSide("eni-a", NODE_A, port, BACKEND, 1));
        }
        return out;
    }

    @Test
    void anEniTheInventoryNamesALoadBalancerIsNoNodesWhateverThePortsSay() {
        NetworkInventory inventory = new NetworkInventory(
                List.of(eni(LOAD_BALANCER, VpcAddress.Kind.NETWORK_LOAD_BALANCER, "eni-lb", null)), List.of(), List.of());
        InferenceResult result = run(withProviderIds(true), inventory, loadBalancerWithCollidingPorts());
        assertTrue(edge(result, "frontend", "cart").isEmpty(), () -> "edges: " + result.edges());
        assertTrue(edge(result, "frontend", "backend").isPresent(), () -> "edges: " + result.edges());
        assertTrue(loadBalancerToCart(result), () -> "edges: " + result.edges());
    }

    private static boolean loadBalancerToCart(InferenceResult result) {
        return result.edges().stream().anyMatch(e -> e.client().equals(Peer.vpcAddress(IpAddress.parse(LOAD_BALANCER)))
                && e.server().equals(Peer.workload(deployment("shop", "cart"))));
    }

    @Test
    void withoutTheInventoryTheCollidingPortsPlaceTheLoadBalancerOnANode() {
        // What the inventory fixes: two chance matches and no dissent settle the ENI on node-a,
        // and its connections to cart are taken for node-a's.
        InferenceResult result = run(withProviderIds(true), NetworkInventory.EMPTY, loadBalancerWithCollidingPorts());
        assertTrue(!loadBalancerToCart(result), () -> "edges: " + result.edges());
    }

    @Test
    void aTimedInventoryPlacesTheEniOnlyWhileASnapshotListedIt() {
        // Listed as node-a's from minute 30 on: at minutes 1-3 the inventory does not know it yet.
        VpcAddress a2 = eni(ENI_A2, VpcAddress.Kind.NODE_ENI, "eni-a2", "i-node-a");
        NetworkInventory later = NetworkInventory.timed(List.of(new VpcAddressSpan(a2, at(30), Long.MAX_VALUE)),
                List.of(), List.of());
        InferenceResult result = run(withProviderIds(true), later, secondaryEniWithADissentingVote());
        assertTrue(edge(result, "frontend", "backend").isEmpty(), () -> "edges: " + result.edges());
        NetworkInventory during = NetworkInventory.timed(List.of(new VpcAddressSpan(a2, at(0), at(30))),
                List.of(), List.of());
        InferenceResult placed = run(withProviderIds(true), during, secondaryEniWithADissentingVote());
        assertEquals(2, edge(placed, "frontend", "backend").orElseThrow().evidence().connections());
    }
}
