package io.flowpol.inference.synthesize;

import static io.flowpol.inference.synthesize.Fixtures.BACKEND;
import static io.flowpol.inference.synthesize.Fixtures.FRONTEND;
import static io.flowpol.inference.synthesize.Fixtures.edge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.VpcAddress;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules to in-VPC resources the inventory names allow the resource's whole ENI set (issue 11 item 3). */
class EniSetRulesTest {
    private static VpcAddress eni(String ip, VpcAddress.Kind kind, String name, String eniId) {
        return new VpcAddress(IpAddress.parse(ip), kind, name, eniId, null, "vpc-1");
    }

    private static final NetworkInventory INVENTORY = new NetworkInventory(List.of(
            eni("10.0.1.50", VpcAddress.Kind.NETWORK_LOAD_BALANCER, "k8s-shop-frontend", "eni-l1"),
            eni("10.0.2.50", VpcAddress.Kind.NETWORK_LOAD_BALANCER, "k8s-shop-frontend", "eni-l2"),
            eni("10.0.3.50", VpcAddress.Kind.NETWORK_LOAD_BALANCER, "k8s-shop-frontend", "eni-l3"),
            eni("10.0.1.60", VpcAddress.Kind.NETWORK_LOAD_BALANCER, "k8s-other", "eni-o1"),
            eni("10.0.1.70", VpcAddress.Kind.VPC_ENDPOINT, "com.amazonaws.eu-west-1.sqs", "eni-e1"),
            eni("10.0.2.70", VpcAddress.Kind.VPC_ENDPOINT, "com.amazonaws.eu-west-1.sqs", "eni-e2"),
            eni("10.0.1.80", VpcAddress.Kind.RDS, null, "eni-r1"),
            eni("10.0.1.81", VpcAddress.Kind.RDS, null, "eni-r1"),
            eni("10.0.2.80", VpcAddress.Kind.RDS, null, "eni-r2"),
            eni("10.0.1.90", VpcAddress.Kind.NAT_GATEWAY, "nat-1", "eni-n1"),
            eni("10.0.2.90", VpcAddress.Kind.NAT_GATEWAY, "nat-1", "eni-n2"),
            eni("10.0.1.200", VpcAddress.Kind.EKS_CONTROL_PLANE, "shop", "eni-c1"),
            eni("10.0.2.200", VpcAddress.Kind.EKS_CONTROL_PLANE, "shop", "eni-c2")), List.of(), List.of());

    private static Peer vpc(String ip) {
        return Peer.vpcAddress(IpAddress.parse(ip));
    }

    private static SynthesizedPolicies synthesize(NetworkInventory inventory, Edge... edges) {
        InferenceResult result = new InferenceResult(List.of(edges), List.of(), List.of(), null, List.of());
        return new PolicySynthesizer(SynthesisOptions.defaults()).synthesize(result, new Fixtures().cluster(), inventory);
    }

    private static List<String> blocks(NetworkPolicyRule rule) {
        return rule.peers().stream().map(p -> p.ipBlock() == null ? "selector" : p.ipBlock().cidr().toString()).toList();
    }

    private static NetworkPolicy policy(SynthesizedPolicies out, String name) {
        return out.policies().networkPolicies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void ingressFromALoadBalancerAllowsAllItsEnisAndOnlyItsOwn() {
        SynthesizedPolicies out = synthesize(INVENTORY, edge(vpc("10.0.1.50"), Peer.workload(FRONTEND), 8080, 5));
        List<NetworkPolicyRule> ingress = policy(out, FRONTEND.name()).ingress();
        assertEquals(1, ingress.size());
        assertEquals(List.of("10.0.1.50/32", "10.0.2.50/32", "10.0.3.50/32"), blocks(ingress.get(0)));
        assertTrue(out.findings().stream().anyMatch(f -> f.code().equals("eni-set") && f.message().equals(
                "rules to load balancer k8s-shop-frontend (NLB) allow all 3 of its ENI addresses "
                        + "(2 not seen in the window), so they keep working as it scales or fails over")),
                out.findings().toString());
        assertTrue(out.findings().stream().noneMatch(f -> f.code().equals("vpc-address-peer")), out.findings().toString());
    }

    @Test
    void egressToAnEndpointOrADatabaseIsByItsEniSetButANatGatewayStaysExact() {
        SynthesizedPolicies out = synthesize(INVENTORY,
                edge(Peer.workload(BACKEND), vpc("10.0.2.70"), 443, 3),
                edge(Peer.workload(BACKEND), vpc("10.0.1.80"), 5432, 3),
                edge(Peer.workload(BACKEND), vpc("10.0.1.90"), 80, 3));
        List<List<String>> egress = policy(out, BACKEND.name()).egress().stream().map(EniSetRulesTest::blocks).toList();
        assertTrue(egress.contains(List.of("10.0.1.70/32", "10.0.2.70/32")), egress.toString());
        // RDS names no database on its ENIs: the set is that ENI's own addresses, not every database's.
        assertTrue(egress.contains(List.of("10.0.1.80/32", "10.0.1.81/32")), egress.toString());
        assertTrue(egress.contains(List.of("10.0.1.90/32")), egress.toString());
    }

    @Test
    void theApiServerIsAllowedByEveryControlPlaneEniOfItsCluster() {
        SynthesizedPolicies out = synthesize(INVENTORY,
                edge(Peer.workload(BACKEND), Peer.apiServer(IpAddress.parse("10.0.1.200")), 443, 3));
        List<List<String>> egress = policy(out, BACKEND.name()).egress().stream().map(EniSetRulesTest::blocks).toList();
        assertTrue(egress.stream().anyMatch(b -> b.contains("10.0.1.200/32") && b.contains("10.0.2.200/32")), egress.toString());
    }

    @Test
    void withoutAnInventoryTheSeenAddressAloneIsAllowed() {
        SynthesizedPolicies out = synthesize(NetworkInventory.EMPTY, edge(vpc("10.0.1.50"), Peer.workload(FRONTEND), 8080, 5));
        assertEquals(List.of("10.0.1.50/32"), blocks(policy(out, FRONTEND.name()).ingress().get(0)));
        assertTrue(out.findings().stream().anyMatch(f -> f.code().equals("vpc-address-peer")));
    }
}
