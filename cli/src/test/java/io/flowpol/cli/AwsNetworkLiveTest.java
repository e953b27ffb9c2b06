package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowpol.ingest.ec2.Ec2TestServer;
import io.flowpol.ingest.ec2.Ec2TestServer.Eni;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --aws-network live} and {@code record --aws-network live} through the real CLI and the
 * real EC2 SDK client against a local EC2 Query endpoint holding the demo's VPC (issue 11 item 2).
 */
class AwsNetworkLiveTest {
    static final String VPC = "vpc-0d3f6a1b2c4e5f607";
    static final String NLB = "load balancer k8s-shop-frontend-5d4c3b2a19 (NLB)";

    @TempDir
    Path tmp;

    private Ec2TestServer ec2;

    @BeforeEach
    void demoVpc() throws IOException {
        // The default credential chain reads these first; the region comes from --region.
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret");
        ec2 = new Ec2TestServer(2).vpc(VPC, "10.0.0.0/16").vpc("vpc-other", "172.31.0.0/16")
                .eni(new Eni("eni-0a1b2c3d4e5f60011", VPC, "subnet-a", "ELB net/k8s-shop-frontend-5d4c3b2a19/7e6f5a4b3c2d1e0f",
                        "network_load_balancer", true, null, "10.0.1.50"))
                .eni(new Eni("eni-0a1b2c3d4e5f60012", VPC, "subnet-b", "ELB net/k8s-shop-frontend-5d4c3b2a19/7e6f5a4b3c2d1e0f",
                        "network_load_balancer", true, null, "10.0.2.50"))
                .eni(new Eni("eni-0a1b2c3d4e5f60021", VPC, "subnet-a", "Amazon EKS shop-demo", "interface", false, null, "10.0.1.200"))
                .eni(new Eni("eni-0a1b2c3d4e5f60022", VPC, "subnet-b", "Amazon EKS shop-demo", "interface", false, null, "10.0.2.200"))
                .eni(new Eni("eni-node-1", VPC, "subnet-a", "", "interface", false, "i-0468d174efcf53ba9", "10.0.1.184"))
                .eni(new Eni("eni-node-2", VPC, "subnet-a", "", "interface", false, "i-0d02d52cba6968058", "10.0.1.87"))
                .eni(new Eni("eni-other", "vpc-other", "subnet-x", "", "interface", false, "i-0fff", "172.31.0.10"));
    }

    @AfterEach
    void stop() {
        ec2.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private Cli.Result generate(Path out, String... network) {
        List<String> args = new ArrayList<>(List.of("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(),
                "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(), "--out", out.toString(),
                "--region", "eu-west-1", "--endpoint-url", ec2.endpoint().toString(), "--aws-network", "live"));
        args.addAll(List.of(network));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void liveFindsTheVpcOfTheRecordedNodesAndNamesItsLoadBalancer() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = generate(out);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--aws-network live: " + VPC), r.err());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| " + NLB + " (10.0.1.50) | shop/Deployment/frontend | TCP 8080 (http) |"), report);
        // The VPC was found from the nodes' addresses, then read filtered by it, page by page.
        assertEquals("addresses.private-ip-address", ec2.requests.get(0).get("Filter.1.Name"));
        assertTrue(ec2.requests.stream().filter(q -> "DescribeNetworkInterfaces".equals(q.get("Action"))).skip(1)
                .allMatch(q -> VPC.equals(q.get("Filter.1.Value.1"))), ec2.requests::toString);
    }

    @Test
    void aThrottledLiveReadIsRetried() throws IOException {
        ec2.throttles.set(2);
        Cli.Result r = generate(tmp.resolve("out"), "--vpc-id", VPC);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("2 retried"), r.err());
    }

    @Test
    void aMalformedLiveAnswerExitsOneNamingTheSourceAndTheField() {
        ec2.eni(new Eni("eni-bad", VPC, "subnet-a", "", "interface", false, null, "10.0.1.999"));
        Path out = tmp.resolve("out");
        Cli.Result r = generate(out, "--vpc-id", VPC);
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("aws ec2 (live, " + VPC + ")") && r.err().contains(
                "NetworkInterfaces[6].PrivateIpAddresses[0].PrivateIpAddress: expected an IPv4 or IPv6 address, found '10.0.1.999'"),
                r.err());
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void anotherVpcsLiveInventoryIsReported() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = generate(out, "--vpc-id", "vpc-other");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("covers none of the") && r.err().contains("vpc-other"), r.err());
        assertTrue(Files.readString(out.resolve("report.md")).contains("aws-network-other-vpc"));
    }

    @Test
    void liveWithoutARegionNamesTheFlagAndTheVariable() {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null,
                "a region is set in this environment");
        System.setProperty("aws.configFile", tmp.resolve("no-config").toString());
        System.setProperty("aws.disableEc2Metadata", "true");
        try {
            Cli.Result r = Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster",
                    Cli.DEMO.resolve("recording.jsonl").toString(), "--out", tmp.resolve("out").toString(),
                    "--aws-network", "live");
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().contains("--region") && r.err().contains("AWS_REGION"), r.err());
            assertTrue(ec2.requests.isEmpty(), "nothing asked before the region is known");
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.disableEc2Metadata");
        }
    }

    @Test
    void recordWritesInventorySnapshotsThatGenerateThenUses() throws IOException {
        Path recording = tmp.resolve("rec.jsonl");
        try (EmptyApiServer api = new EmptyApiServer()) {
            Cli.Result r = Cli.run("record", "--out", recording.toString(), "--duration", "1s",
                    "--kubeconfig", api.kubeconfig(tmp).toString(), "--aws-network", "live", "--vpc-id", VPC,
                    "--region", "eu-west-1", "--endpoint-url", ec2.endpoint().toString());
            assertEquals(0, r.exitCode(), r.toString());
        }
        List<String> lines = Files.readAllLines(recording);
        assertEquals(6, lines.stream().filter(l -> l.contains("\"kind\":\"AwsNetworkInterface\"")).count(), String.join("\n", lines));
        assertEquals(1, lines.stream().filter(l -> l.contains("\"kind\":\"AwsNetworkSnapshot\"")).count());
        // The demo's recording plus these snapshots: generate names the NLB without --aws-network.
        Path out = tmp.resolve("out");
        Cli.Result g = Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(),
                "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(), snapshotsAtDemoStart(lines).toString(),
                "--out", out.toString());
        assertEquals(0, g.exitCode(), g.toString());
        assertTrue(Files.readString(out.resolve("report.md")).contains(NLB + " (10.0.1.50)"));
    }

    /** The recorded inventory events, moved to the demo window's start (they were recorded now). */
    private Path snapshotsAtDemoStart(List<String> lines) throws IOException {
        List<String> moved = lines.stream().filter(l -> l.contains("\"apiVersion\":\"flowpol.io/v1\""))
                .map(l -> l.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-11-30T10:00:00.000Z\"")).toList();
        return Files.write(tmp.resolve("inventory.jsonl"), moved);
    }
}
