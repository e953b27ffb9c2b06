package io.flowpol.ingest.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.VpcAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * A second opinion on the EC2 Query protocol besides {@link Ec2TestServer}: moto's EC2
 * ({@code python3 -m moto.server}), an independent implementation of the API. The VPC, subnets,
 * an instance and ENIs are created through the real SDK and read back through
 * {@link Ec2NetworkReader}. Skipped, with the reason, where python3 with moto is not installed.
 */
class MotoEc2Test {
    private static Process moto;
    private static URI endpoint;
    private static Path log;

    @BeforeAll
    static void startMoto() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        log = Files.createTempFile("moto", ".log");
        try {
            moto = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, "moto: python3 cannot be started (" + e.getMessage() + "); pip install 'moto[server]' to run this test");
        }
        // Wait for the port (moto imports its services first); not a timing assertion.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && moto.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                endpoint = URI.create("http://127.0.0.1:" + port);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        String output = Files.readString(log);
        stopMoto();
        assumeTrue(false, "moto: python3 -m moto.server did not start (is moto installed? pip install 'moto[server]'): "
                + output.lines().reduce((a, b) -> b).orElse(""));
    }

    @AfterAll
    static void stopMoto() throws IOException {
        if (moto != null) {
            moto.destroy();
            moto = null;
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    private static Ec2Client client() {
        return Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    @Test
    void enisCreatedInMotoAreReadBackAndClassified() {
        try (Ec2Client ec2 = client()) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.1.0/24")).subnet().subnetId();
            String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
            String otherSubnet = ec2.createSubnet(r -> r.vpcId(otherVpc).cidrBlock("10.2.1.0/24")).subnet().subnetId();
            String nlb = ec2.createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress("10.1.1.50")
                    .description("ELB net/k8s-shop-frontend-5d4c3b2a19/0123456789abcdef")).networkInterface().networkInterfaceId();
            ec2.createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress("10.1.1.80").description("Amazon EKS shop"));
            String secondary = ec2.createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress("10.1.1.90")
                    .description("aws-K8S-i-node")).networkInterface().networkInterfaceId();
            ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(secondary).privateIpAddresses("10.1.1.91", "10.1.1.92"));
            Instance node = ec2.runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1).subnetId(subnet)
                    .instanceType("m5.large")).instances().get(0);
            ec2.attachNetworkInterface(r -> r.networkInterfaceId(secondary).instanceId(node.instanceId()).deviceIndex(1));
            ec2.createNetworkInterface(r -> r.subnetId(otherSubnet).privateIpAddress("10.2.1.10"));

            Ec2NetworkReader reader = new Ec2NetworkReader(ec2);
            NetworkInventory inventory = reader.read(vpc);
            VpcAddress lb = inventory.lookup(IpAddress.parse("10.1.1.50"));
            assertEquals("load balancer k8s-shop-frontend-5d4c3b2a19 (NLB)", lb.displayName());
            assertEquals(nlb, lb.eniId());
            assertEquals(vpc, lb.vpcId());
            assertEquals("EKS control plane shop", inventory.lookup(IpAddress.parse("10.1.1.80")).displayName());
            for (String ip : List.of("10.1.1.90", "10.1.1.91", "10.1.1.92")) {
                VpcAddress a = inventory.lookup(IpAddress.parse(ip));
                assertEquals(VpcAddress.Kind.NODE_ENI, a.kind(), ip);
                assertEquals(node.instanceId(), a.instanceId(), ip);
                assertEquals(secondary, a.eniId(), ip);
            }
            // The instance's own primary ENI, attached by moto: an instance's address.
            VpcAddress primary = inventory.lookup(IpAddress.parse(node.privateIpAddress()));
            assertEquals(node.instanceId(), primary.instanceId());
            assertNull(inventory.lookup(IpAddress.parse("10.2.1.10")), "the other VPC's ENI is filtered out");
            assertTrue(inventory.cidrs().stream().anyMatch(c -> c.toString().equals("10.1.0.0/16")), inventory.cidrs()::toString);
            assertEquals(vpc, reader.vpcOf(List.of(IpAddress.parse(node.privateIpAddress()))));
        }
    }
}
