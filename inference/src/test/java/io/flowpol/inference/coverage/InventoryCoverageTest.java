package io.flowpol.inference.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.VpcAddress;
import io.flowpol.inference.model.WorkloadId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InventoryCoverageTest {
    private static final WorkloadId FRONTEND = new WorkloadId("shop", "Deployment", "frontend");

    private static InferenceResult edgesFrom(String... vpcAddresses) {
        List<Edge> edges = java.util.Arrays.stream(vpcAddresses).map(ip -> new Edge(Peer.vpcAddress(IpAddress.parse(ip)),
                Peer.workload(FRONTEND), Protocol.TCP, 8080, null, null)).toList();
        List<Edge> withNode = new java.util.ArrayList<>(edges);
        withNode.add(new Edge(Peer.node("ip-10-0-1-10", IpAddress.parse("10.0.1.10")), Peer.workload(FRONTEND),
                Protocol.TCP, 8080, null, null));
        withNode.add(new Edge(Peer.workload(FRONTEND), Peer.external(IpAddress.parse("10.9.0.1")), Protocol.TCP, 443, null, null));
        return new InferenceResult(withNode, null, null, null, null);
    }

    private static NetworkInventory vpc(String vpcId, String cidr) {
        return new NetworkInventory(List.of(), List.of(vpcId), List.of(Cidr.parse(cidr)));
    }

    @Test
    void anInventoryWhoseCidrHoldsTheFlowLogAddressesFits() {
        assertEquals(Optional.empty(), InventoryCoverage.check(vpc("vpc-a", "10.0.0.0/16"), edgesFrom("10.0.1.50")));
    }

    @Test
    void anInventoryOfAnotherVpcIsAWarningNamingItsVpcAndExamples() {
        Finding f = InventoryCoverage.check(vpc("vpc-b", "10.9.0.0/16"), edgesFrom("10.0.1.50", "10.0.2.50")).orElseThrow();
        assertEquals(Finding.Severity.WARNING, f.severity());
        assertEquals(InventoryCoverage.OTHER_VPC, f.code());
        // the node's address counts, the external one (10.9.0.1, inside the other VPC's CIDR) does not
        assertEquals(3, f.count());
        assertTrue(f.message().startsWith("the AWS network inventory (vpc-b; 10.9.0.0/16) covers none of the 3 in-VPC "
                + "address(es) of the flow logs (e.g. 10.0.1.10, 10.0.1.50, 10.0.2.50)"), f.message());
    }

    @Test
    void withoutCidrsTheEniAddressesAreCompared() {
        NetworkInventory enis = new NetworkInventory(List.of(new VpcAddress(IpAddress.parse("10.0.2.50"),
                VpcAddress.Kind.NETWORK_LOAD_BALANCER, "k8s-shop-frontend", "eni-1", null, "vpc-a")), List.of(), List.of());
        assertEquals(Optional.empty(), InventoryCoverage.check(enis, edgesFrom("10.0.2.50")));
        Finding f = InventoryCoverage.check(enis, edgesFrom("10.0.3.3")).orElseThrow();
        assertTrue(f.message().startsWith("the AWS network inventory (vpc-a; 1 ENI address(es)) covers none"), f.message());
    }

    @Test
    void noInventoryOrNoInVpcAddressIsNoFinding() {
        assertEquals(Optional.empty(), InventoryCoverage.check(NetworkInventory.EMPTY, edgesFrom("10.0.1.50")));
        assertEquals(Optional.empty(), InventoryCoverage.check(vpc("vpc-b", "10.9.0.0/16"), new InferenceResult(null, null, null, null, null)));
    }
}
