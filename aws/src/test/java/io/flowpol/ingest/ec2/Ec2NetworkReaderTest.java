package io.flowpol.ingest.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.VpcAddress;
import io.flowpol.ingest.ec2.Ec2TestServer.Eni;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --aws-network live}: the real EC2 SDK client against a local endpoint speaking the EC2 Query protocol. */
class Ec2NetworkReaderTest {
    static final String VPC = "vpc-0123456789abcdef0";

    /** The kinds of ENI an EKS VPC holds, with the descriptions and types AWS writes on them. */
    static Ec2TestServer cluster(Ec2TestServer server) {
        return server.vpc(VPC, "10.0.0.0/16").vpc("vpc-other", "10.9.0.0/16")
                .subnet("subnet-a", VPC, "10.0.1.0/24").subnet("subnet-b", VPC, "10.0.2.0/24")
                .eni(new Eni("eni-node-a", VPC, "subnet-a", "", "interface", false, "i-0aaa", "10.0.1.10", "10.0.1.21"))
                .eni(new Eni("eni-node-a2", VPC, "subnet-a", "aws-K8S-i-0aaa", "interface", false, "i-0aaa", "10.0.1.90", "10.0.1.91"))
                .eni(new Eni("eni-trunk", VPC, "subnet-a", "aws-k8s-trunk-eni", "trunk", false, "i-0aaa", "10.0.1.30"))
                .eni(new Eni("eni-branch", VPC, "subnet-a", "aws-k8s-branch-eni", "branch", false, null, "10.0.1.31"))
                .eni(new Eni("eni-nlb", VPC, "subnet-b", "ELB net/k8s-shop-frontend-5d4c3b2a19/0123456789abcdef", "network_load_balancer",
                        true, null, "10.0.2.50"))
                .eni(new Eni("eni-nat", VPC, "subnet-b", "Interface for NAT Gateway nat-0fedcba9876543210", "nat_gateway", true, null,
                        "10.0.2.60"))
                .eni(new Eni("eni-vpce", VPC, "subnet-b", "VPC Endpoint Interface vpce-0abc", "vpc_endpoint", true, null, "10.0.2.70"))
                .eni(new Eni("eni-eks", VPC, "subnet-b", "Amazon EKS shop", "interface", false, null, "10.0.2.80"))
                .eni(new Eni("eni-elsewhere", "vpc-other", "subnet-x", "", "interface", false, "i-0zzz", "10.9.0.10"))
                .endpointService("com.amazonaws.eu-west-1.s3", "eni-vpce");
    }

    private static VpcAddress at(NetworkInventory inventory, String ip) {
        VpcAddress a = inventory.lookup(IpAddress.parse(ip));
        assertTrue(a != null, "no entry for " + ip + " in " + inventory.addresses());
        return a;
    }

    @Test
    void readsEveryPageOfTheVpcAndClassifiesItsEnis() throws Exception {
        try (Ec2TestServer server = cluster(new Ec2TestServer(3)); var client = server.client()) {
            Ec2NetworkReader reader = new Ec2NetworkReader(client);
            NetworkInventory inventory = reader.read(VPC);
            assertEquals(VpcAddress.Kind.INSTANCE, at(inventory, "10.0.1.10").kind());
            assertEquals("i-0aaa", at(inventory, "10.0.1.21").instanceId());
            assertEquals(VpcAddress.Kind.NODE_ENI, at(inventory, "10.0.1.90").kind());
            assertEquals("eni-node-a2", at(inventory, "10.0.1.91").eniId());
            assertEquals(VpcAddress.Kind.TRUNK_ENI, at(inventory, "10.0.1.30").kind());
            assertEquals(VpcAddress.Kind.BRANCH_ENI, at(inventory, "10.0.1.31").kind());
            assertEquals("load balancer k8s-shop-frontend-5d4c3b2a19 (NLB)", at(inventory, "10.0.2.50").displayName());
            assertEquals("NAT gateway nat-0fedcba9876543210", at(inventory, "10.0.2.60").displayName());
            assertEquals("VPC endpoint com.amazonaws.eu-west-1.s3", at(inventory, "10.0.2.70").displayName());
            assertEquals("EKS control plane shop", at(inventory, "10.0.2.80").displayName());
            assertEquals(null, inventory.lookup(IpAddress.parse("10.9.0.10")), "another VPC's ENI");
            assertEquals(List.of(Cidr.parse("10.0.0.0/16"), Cidr.parse("10.0.1.0/24"), Cidr.parse("10.0.2.0/24")), inventory.cidrs());
            assertEquals(java.util.Set.of(VPC), inventory.vpcIds());
            // 8 ENIs of the VPC in pages of 3: three DescribeNetworkInterfaces calls, each filtered by the VPC.
            List<Map<String, String>> pages = server.requests.stream()
                    .filter(r -> "DescribeNetworkInterfaces".equals(r.get("Action"))).toList();
            assertEquals(3, pages.size(), server.requests::toString);
            for (Map<String, String> page : pages) {
                assertEquals("vpc-id", page.get("Filter.1.Name"));
                assertEquals(VPC, page.get("Filter.1.Value.1"));
            }
            assertEquals(java.util.Arrays.asList(null, "3", "6"), pages.stream().map(p -> p.get("NextToken")).toList());
            assertEquals(List.of("DescribeNetworkInterfaces", "DescribeNetworkInterfaces", "DescribeNetworkInterfaces",
                    "DescribeSubnets", "DescribeVpcs", "DescribeVpcEndpoints"), server.actions());
        }
    }

    @Test
    void throttlingIsRetriedByTheSdkAndCounted() throws Exception {
        try (Ec2TestServer server = cluster(new Ec2TestServer(100)); var client = server.client()) {
            server.throttles.set(2);
            Ec2NetworkReader reader = new Ec2NetworkReader(client);
            NetworkInventory inventory = reader.read(VPC);
            assertEquals(10, inventory.size());
            assertEquals(2, reader.retries());
            assertEquals(0, server.throttles.get());
        }
    }

    @Test
    void aMalformedAddressNamesTheLiveSourceAndTheField() throws Exception {
        try (Ec2TestServer server = new Ec2TestServer(100); var client = server.client()) {
            server.vpc(VPC, "10.0.0.0/16").eni(new Eni("eni-1", VPC, "subnet-a", "", "interface", false, null, "10.0.1.999"));
            InputException e = assertThrows(InputException.class, () -> new Ec2NetworkReader(client).read(VPC));
            assertEquals("aws ec2 (live, vpc-0123456789abcdef0)", e.problem().file());
            assertEquals("NetworkInterfaces[0].PrivateIpAddresses[0].PrivateIpAddress", e.problem().field());
            assertTrue(e.problem().message().contains("'10.0.1.999'"), e.problem().message());
        }
    }

    @Test
    void theVpcIsTheOneWhoseEnisHoldTheNodesAddresses() throws Exception {
        try (Ec2TestServer server = cluster(new Ec2TestServer(2)); var client = server.client()) {
            Ec2NetworkReader reader = new Ec2NetworkReader(client);
            assertEquals(VPC, reader.vpcOf(List.of(IpAddress.parse("10.0.1.10"), IpAddress.parse("10.0.1.90"))));
            Map<String, String> asked = server.requests.get(0);
            assertEquals("addresses.private-ip-address", asked.get("Filter.1.Name"));
            assertEquals("10.0.1.90", asked.get("Filter.1.Value.2"));
            InputException none = assertThrows(InputException.class, () -> reader.vpcOf(List.of(IpAddress.parse("172.31.0.5"))));
            assertEquals("--vpc-id", none.problem().field());
            assertTrue(none.problem().message().contains("another account or region"), none.problem().message());
            InputException several = assertThrows(InputException.class,
                    () -> reader.vpcOf(List.of(IpAddress.parse("10.0.1.10"), IpAddress.parse("10.9.0.10"))));
            assertTrue(several.problem().message().contains("vpc-other") && several.problem().message().contains(VPC),
                    several.problem().message());
        }
    }

    @Test
    void withoutDescribeVpcEndpointsEndpointsKeepTheirIdAndTheRestIsRead() throws Exception {
        try (Ec2TestServer server = cluster(new Ec2TestServer(100)); var client = server.client()) {
            server.denied.add("DescribeVpcEndpoints");
            Ec2NetworkReader reader = new Ec2NetworkReader(client);
            NetworkInventory inventory = reader.read(VPC);
            assertEquals("VPC endpoint vpce-0abc", at(inventory, "10.0.2.70").displayName());
            assertEquals(1, reader.warnings().size(), reader.warnings()::toString);
        }
    }

    @Test
    void aDeniedCallNamesTheCallAndAwssMessage() throws Exception {
        try (Ec2TestServer server = cluster(new Ec2TestServer(100)); var client = server.client()) {
            server.denied.add("DescribeNetworkInterfaces");
            InputException e = assertThrows(InputException.class, () -> new Ec2NetworkReader(client).read(VPC));
            assertEquals("DescribeNetworkInterfaces", e.problem().field());
            assertTrue(e.problem().message().contains("You are not authorized to perform this operation. "
                    + "(AWS error UnauthorizedOperation, HTTP 403)"), e.problem().message());
            assertTrue(!e.problem().message().contains("Exception"), e.problem().message());
        }
    }
}
