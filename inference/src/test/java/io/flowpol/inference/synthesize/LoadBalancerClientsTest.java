package io.flowpol.inference.synthesize;

import static io.flowpol.inference.synthesize.Fixtures.BACKEND;
import static io.flowpol.inference.synthesize.Fixtures.FRONTEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.VpcAddress;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ServiceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Learning {@code loadBalancerSourceRanges} from a load balancer's clients (issue 11 item 3). */
class LoadBalancerClientsTest {
    private static final ServiceInfo WEB = new ServiceInfo("shop", "web", "LoadBalancer", Map.of("app", "frontend"),
            List.of(), List.of(), Map.of(), List.of(), List.of("k8s-shop-web-0a1b2c3d4e-0123456789abcdef.elb.eu-west-1.amazonaws.com"));
    private static final NetworkInventory INVENTORY = new NetworkInventory(List.of(
            new VpcAddress(IpAddress.parse("10.0.1.50"), VpcAddress.Kind.NETWORK_LOAD_BALANCER, "k8s-shop-web-0a1b2c3d4e",
                    "eni-1", null, "vpc-1"),
            new VpcAddress(IpAddress.parse("10.0.2.50"), VpcAddress.Kind.NETWORK_LOAD_BALANCER, "k8s-shop-web-0a1b2c3d4e",
                    "eni-2", null, "vpc-1")), List.of("vpc-1"), List.of(Cidr.parse("10.0.0.0/16")));

    private final SynthesisFindings findings = new SynthesisFindings();

    private List<SourceRanges> learn(NetworkInventory inventory, int max, List<Edge> edges) {
        ClusterTimeline base = new Fixtures().cluster();
        ClusterTimeline cluster = new ClusterTimeline(base.namespaces(), base.nodes(), base.pods(), base.workloads(),
                List.of(WEB), base.apiServer(), base.start(), base.end());
        SynthesisOptions options = new SynthesisOptions(1, 32, 128, SynthesisOptions.DEFAULT_EXCLUDED,
                SnatEgressMode.ALLOW_CANDIDATES, 256, max);
        return LoadBalancerClients.learn(cluster, edges, inventory, options, findings);
    }

    private static Edge toPods(String client) {
        return Fixtures.edge(Peer.external(IpAddress.parse(client)), Peer.workload(FRONTEND), 8080, 3);
    }

    private static Edge toLoadBalancer(Peer client, String lb) {
        return Fixtures.edge(client, Peer.vpcAddress(IpAddress.parse(lb)), 80, 3);
    }

    private String message() {
        List<Finding> all = findings.findings();
        assertEquals(1, all.size(), all.toString());
        assertEquals("lb-source-ranges", all.get(0).code());
        return all.get(0).message();
    }

    @Test
    void preservedPublicClientsFromAFewRangesBecomeTheRanges() {
        // An office NAT pool of four addresses (a /30 once merged) and a partner's one address.
        List<SourceRanges> out = learn(NetworkInventory.EMPTY, 4, List.of(toPods("203.0.113.8"), toPods("203.0.113.9"),
                toPods("203.0.113.10"), toPods("203.0.113.11"), toPods("198.51.100.23")));
        assertEquals(1, out.size());
        assertEquals(List.of(Cidr.parse("198.51.100.23/32"), Cidr.parse("203.0.113.8/30")), out.get(0).ranges());
        assertEquals(5, out.get(0).clients());
        assertFalse(out.get(0).widened());
        assertEquals("service-patches/shop/web.yaml", out.get(0).patchFile());
        assertTrue(message().startsWith("Service shop/web: its load balancer's 5 client address(es) come from 2 range(s) "
                + "(198.51.100.23/32, 203.0.113.8/30): service-patches/shop/web.yaml sets"), message());
    }

    @Test
    void manyClientsAreNotFewAndGetNoPatch() {
        // A public site: clients from 40 networks.
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            edges.add(toPods("198.18." + 3 * i + ".7"));
        }
        assertEquals(List.of(), learn(NetworkInventory.EMPTY, 4, edges));
        assertEquals("Service shop/web: its load balancer's 40 client addresses are not few (40 /24 (/48) networks, more "
                + "than --lb-source-ranges-max 4): no loadBalancerSourceRanges patch; restrict it by hand or keep it internal",
                message());
    }

    @Test
    void withTheInventoryTheClientsOfItsEnisAreLearnedAndInVpcClientsKeepTheVpc() {
        List<SourceRanges> out = learn(INVENTORY, 4, List.of(
                toLoadBalancer(Peer.vpcAddress(IpAddress.parse("172.16.8.21")), "10.0.1.50"),
                toLoadBalancer(Peer.external(IpAddress.parse("198.51.100.23")), "10.0.2.50"),
                toLoadBalancer(Peer.workload(BACKEND), "10.0.2.50"),
                // the NLB's own connections to the pods (preservation off) are no clients
                Fixtures.edge(Peer.vpcAddress(IpAddress.parse("10.0.1.50")), Peer.workload(FRONTEND), 8080, 3)));
        assertEquals(1, out.size());
        assertEquals(List.of(Cidr.parse("10.0.0.0/16"), Cidr.parse("172.16.8.21/32"), Cidr.parse("198.51.100.23/32")),
                out.get(0).ranges());
    }

    @Test
    void inVpcClientsWithoutTheVpcCidrsMakeNoPatch() {
        NetworkInventory noCidrs = new NetworkInventory(INVENTORY.addresses(), List.of(), List.of());
        assertEquals(List.of(), learn(noCidrs, 4, List.of(
                toLoadBalancer(Peer.external(IpAddress.parse("198.51.100.23")), "10.0.2.50"),
                toLoadBalancer(Peer.workload(BACKEND), "10.0.2.50"))));
        assertTrue(message().contains("in-VPC clients too (shop/Deployment/backend)"), message());
    }

    @Test
    void zeroTurnsItOff() {
        assertEquals(List.of(), learn(NetworkInventory.EMPTY, 0, List.of(toPods("203.0.113.8"))));
        assertEquals(List.of(), findings.findings());
    }

    @Test
    void mergingIsLossless() {
        TreeSet<Cidr> blocks = new TreeSet<>(List.of(Cidr.parse("10.1.0.0/32"), Cidr.parse("10.1.0.1/32"),
                Cidr.parse("10.1.0.2/32"), Cidr.parse("10.1.0.4/32"), Cidr.parse("10.1.0.5/32")));
        assertEquals(List.of(Cidr.parse("10.1.0.0/31"), Cidr.parse("10.1.0.2/32"), Cidr.parse("10.1.0.4/31")),
                LoadBalancerClients.merge(blocks));
        assertEquals(List.of(Cidr.parse("2001:db8::/127")),
                LoadBalancerClients.merge(new TreeSet<>(List.of(Cidr.parse("2001:db8::/128"), Cidr.parse("2001:db8::1/128")))));
    }

    @Test
    void theLoadBalancerIsTheServicesByHostnameOrByTheControllersNaming() {
        assertTrue(LoadBalancerClients.createdBy(WEB, "k8s-shop-web-0a1b2c3d4e"));
        ServiceInfo nlb = new ServiceInfo("shop", "frontend-nlb", "LoadBalancer", Map.of(), List.of(), List.of(), Map.of(),
                List.of(), List.of());
        assertTrue(LoadBalancerClients.createdBy(nlb, "k8s-shop-frontend-5d4c3b2a19"));
        assertFalse(LoadBalancerClients.createdBy(nlb, "k8s-shop-frontend"));
        assertFalse(LoadBalancerClients.createdBy(nlb, "k8s-other-frontend-5d4c3b2a19"));
    }
}
