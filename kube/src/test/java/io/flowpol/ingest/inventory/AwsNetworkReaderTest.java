package io.flowpol.ingest.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.VpcAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures follow the output shapes AWS documents for {@code aws ec2
 * describe-network-interfaces} (https://docs.aws.amazon.com/cli/latest/reference/ec2/describe-network-interfaces.html,
 * Examples; field list and {@code InterfaceType} values:
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInterface.html), {@code describe-subnets},
 * {@code describe-vpcs} (CidrBlockAssociationSet) and {@code describe-vpc-endpoints}; the descriptions are the ones
 * ELB, NAT gateways, VPC endpoints, EKS, Lambda, RDS and the VPC CNI write on the interfaces they create.
 */
class AwsNetworkReaderTest {
    @TempDir
    Path dir;

    private static Path fixture(String name) {
        try {
            return Path.of(AwsNetworkReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NetworkInventory all() {
        return new AwsNetworkReader().read(List.of(fixture("eni.json"), fixture("subnets.json"), fixture("vpcs.json"),
                fixture("endpoints.json")));
    }

    private static VpcAddress at(NetworkInventory inventory, String ip) {
        VpcAddress a = inventory.lookup(IpAddress.parse(ip));
        assertTrue(a != null, "no entry for " + ip);
        return a;
    }

    @Test
    void primaryAndSecondaryAddressesOfAnInstanceEniAreIndexedWithTheInstance() {
        NetworkInventory inventory = all();
        for (String ip : List.of("10.0.1.11", "10.0.1.12", "10.0.1.13")) {
            VpcAddress a = at(inventory, ip);
            assertEquals(VpcAddress.Kind.INSTANCE, a.kind());
            assertEquals("i-0aaa1111bbbb2222c", a.instanceId());
            assertEquals("eni-0a0000000000000a1", a.eniId());
            assertEquals("vpc-0123456789abcdef0", a.vpcId());
        }
        assertEquals("instance of i-0aaa1111bbbb2222c", at(inventory, "10.0.1.12").displayName());
    }

    @Test
    void cniSecondaryTrunkAndBranchEnisAreNodeInterfaces() {
        NetworkInventory inventory = all();
        assertEquals(VpcAddress.Kind.NODE_ENI, at(inventory, "10.0.1.22").kind());
        assertEquals("node ENI of i-0aaa1111bbbb2222c", at(inventory, "10.0.1.22").displayName());
        assertEquals("trunk ENI of i-0aaa1111bbbb2222c", at(inventory, "10.0.1.31").displayName());
        VpcAddress branch = at(inventory, "10.0.1.41");
        assertEquals(VpcAddress.Kind.BRANCH_ENI, branch.kind());
        assertNull(branch.instanceId());
        assertEquals("branch ENI eni-0a0000000000000a4", branch.displayName());
    }

    @Test
    void loadBalancersAreNamedFromTheirElbDescription() {
        NetworkInventory inventory = all();
        assertEquals("load balancer k8s-shop-frontend-3f2a1b0c9d (NLB)", at(inventory, "10.0.1.50").displayName());
        assertEquals("load balancer k8s-shop-web-9d8c7b6a5f (ALB)", at(inventory, "10.0.2.60").displayName());
        assertEquals("load balancer legacy-shop (CLB)", at(inventory, "10.0.2.70").displayName());
    }

    @Test
    void natGatewayEndpointAndEksControlPlaneAreNamed() {
        NetworkInventory inventory = all();
        assertEquals("NAT gateway nat-0f1e2d3c4b5a69788", at(inventory, "10.0.0.80").displayName());
        // The endpoint's service comes from describe-vpc-endpoints; without it, the endpoint id.
        assertEquals("VPC endpoint com.amazonaws.eu-west-1.ecr.dkr", at(inventory, "10.0.3.90").displayName());
        assertEquals("VPC endpoint vpce-0b1b2c3d4e5f6a7b9", at(inventory, "10.0.3.100").displayName());
        assertEquals("EKS control plane shop", at(inventory, "10.0.3.168").displayName());
    }

    @Test
    void lambdaRdsAndOtherRequesterManagedInterfacesAreTold() {
        NetworkInventory inventory = all();
        assertEquals("Lambda orders-export-8b7c6d5e", at(inventory, "10.0.3.120").displayName());
        assertEquals(VpcAddress.Kind.RDS, at(inventory, "10.0.3.130").kind());
        assertEquals(VpcAddress.Kind.REQUESTER_MANAGED, at(inventory, "10.0.3.140").kind());
        assertEquals(VpcAddress.Kind.INSTANCE, at(inventory, "10.0.3.150").kind());
    }

    @Test
    void vpcIdsAndCidrsComeFromVpcsAndSubnets() {
        NetworkInventory inventory = all();
        assertEquals(java.util.Set.of("vpc-0123456789abcdef0"), inventory.vpcIds());
        assertEquals(List.of(Cidr.parse("10.0.0.0/16"), Cidr.parse("10.0.0.0/20"), Cidr.parse("100.64.0.0/16")),
                inventory.cidrs());
        assertTrue(inventory.covers(IpAddress.parse("100.64.7.7")));
        assertTrue(!inventory.covers(IpAddress.parse("172.16.8.21")));
    }

    @Test
    void aVpcAddressPeerIsNamedOtherPeersKeepTheirForm() {
        NetworkInventory inventory = all();
        assertEquals("load balancer k8s-shop-frontend-3f2a1b0c9d (NLB) (10.0.1.50)",
                inventory.displayName(Peer.vpcAddress(IpAddress.parse("10.0.1.50"))));
        assertEquals("vpc/10.0.9.9", inventory.displayName(Peer.vpcAddress(IpAddress.parse("10.0.9.9"))));
        assertEquals("external/10.0.1.50", inventory.displayName(Peer.external(IpAddress.parse("10.0.1.50"))));
    }

    @Test
    void aFieldOfTheWrongShapeNamesFileAndJsonPath() throws Exception {
        Path bad = dir.resolve("eni.json");
        Files.writeString(bad, "{\"NetworkInterfaces\":[{\"NetworkInterfaceId\":\"eni-1\",\"PrivateIpAddresses\":"
                + "[{\"PrivateIpAddress\":\"10.0.1.1\"},{\"PrivateIpAddress\":\"10.0.300.1\"}]}]}");
        InputException e = assertThrows(InputException.class, () -> new AwsNetworkReader().read(List.of(bad)));
        assertEquals(bad + ": NetworkInterfaces[0].PrivateIpAddresses[1].PrivateIpAddress: expected an IPv4 or IPv6 "
                + "address, found '10.0.300.1'", e.getMessage());
    }

    @Test
    void aNumberWhereAStringBelongsNamesThePath() throws Exception {
        Path bad = dir.resolve("vpcs.json");
        Files.writeString(bad, "{\"Vpcs\":[{\"VpcId\":\"vpc-1\",\"CidrBlockAssociationSet\":[{\"CidrBlock\":10}]}]}");
        InputException e = assertThrows(InputException.class, () -> new AwsNetworkReader().read(List.of(bad)));
        assertEquals(bad + ": Vpcs[0].CidrBlockAssociationSet[0].CidrBlock: expected a string, found 10", e.getMessage());
    }

    @Test
    void jsonOfAnotherCommandIsRejected() throws Exception {
        Path bad = dir.resolve("instances.json");
        Files.writeString(bad, "{\"Reservations\":[]}");
        InputException e = assertThrows(InputException.class, () -> new AwsNetworkReader().read(List.of(bad)));
        assertTrue(e.getMessage().startsWith(bad + ": expected an object with NetworkInterfaces, Subnets, Vpcs or "
                + "VpcEndpoints"), e.getMessage());
    }

    @Test
    void brokenJsonNamesTheLine() throws Exception {
        Path bad = dir.resolve("eni.json");
        Files.writeString(bad, "{\"NetworkInterfaces\": [\n  {\"VpcId\": \"vpc-1\",,}\n]}");
        InputException e = assertThrows(InputException.class, () -> new AwsNetworkReader().read(List.of(bad)));
        assertTrue(e.getMessage().startsWith(bad + ":2: expected JSON"), e.getMessage());
    }
}
