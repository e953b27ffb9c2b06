package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --aws-network} on the demo: its NLB is named in report.md, edges.json and the rule comments (issue 11 items 2-3). */
class AwsNetworkTest {
    private static final String NLB = "load balancer k8s-shop-frontend-5d4c3b2a19 (NLB)";

    @TempDir
    Path tmp;

    private static Cli.Result generate(Path out, String... inventory) {
        List<String> args = new ArrayList<>(List.of("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(),
                "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(), "--out", out.toString()));
        if (inventory.length > 0) {
            args.add("--aws-network");
            args.addAll(List.of(inventory));
        }
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theDemoNlbIsNamedInReportEdgesAndRuleComments() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = generate(out, Cli.DEMO.resolve("aws/eni.json").toString(), Cli.DEMO.resolve("aws/vpcs.json").toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(r.err().contains("aws-network"), r.toString());

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| " + NLB + " (10.0.1.50) | shop/Deployment/frontend | TCP 8080 (http) |"), report);
        assertTrue(report.contains("| vpc/172.16.8.21 | " + NLB + " (10.0.2.50) | TCP 80 |"), report);
        assertFalse(report.contains("| vpc/10.0.1.50 |"), report);
        // The office clients (172.16.8.21, 172.16.9.40) are outside the VPC: no inventory of it names them.
        assertFalse(report.contains("aws-network-unnamed"), report);
        assertFalse(report.contains("aws-network-would-name"), report);
        assertTrue(report.contains("([\"" + NLB + " (10.0.1.50)\"])"), "service graph label: " + report);

        JsonNode edges = new ObjectMapper().readTree(out.resolve("edges.json").toFile()).get("edges");
        JsonNode nlbClient = null;
        for (JsonNode e : edges) {
            if ("10.0.1.50".equals(e.path("client").path("ip").asText()) && "frontend".equals(e.path("server").path("name").asText())) {
                nlbClient = e.get("client");
            }
        }
        assertTrue(nlbClient != null, edges.toString());
        assertEquals("vpc-address", nlbClient.get("kind").asText());
        assertEquals("network-load-balancer", nlbClient.at("/vpc/kind").asText());
        assertEquals("k8s-shop-frontend-5d4c3b2a19", nlbClient.at("/vpc/name").asText());
        assertEquals("eni-0a1b2c3d4e5f60011", nlbClient.at("/vpc/eni").asText());
        assertEquals("vpc-0d3f6a1b2c4e5f607", nlbClient.at("/vpc/vpcId").asText());

        List<String> frontend = Files.readAllLines(out.resolve("networkpolicies/shop/frontend.yaml"));
        int rule = frontend.indexOf("        - ipBlock: {cidr: \"10.0.1.50/32\"}");
        assertTrue(rule >= 2, String.join("\n", frontend));
        // Both ENIs of the NLB were seen: one rule for the load balancer (issue 11 item 3).
        assertTrue(frontend.get(rule - 2).matches("    # 1073 connections, first \\S+, last \\S+; peers "
                + java.util.regex.Pattern.quote(NLB + " (10.0.1.50), " + NLB + " (10.0.2.50); allows all 2 ENI addresses of "
                + NLB + " (each seen in the window)")), String.join("\n", frontend));
        assertTrue(PolicyOutput.assertSchemaValid(out) > 10);
    }

    @Test
    void ingressFromTheNlbAllowsAllItsEniAddressesAndSaysHowManyThatAdds() throws IOException {
        // The NLB scaled into a third subnet after the window: its new ENI (10.0.3.50) carries
        // clients as soon as it is in service, so the rule allows it too.
        ObjectMapper json = new ObjectMapper();
        JsonNode inventory = json.readTree(Cli.DEMO.resolve("aws/eni.json").toFile());
        com.fasterxml.jackson.databind.node.ObjectNode third = inventory.get("NetworkInterfaces").get(1).deepCopy();
        third.put("NetworkInterfaceId", "eni-0a1b2c3d4e5f60013").put("PrivateIpAddress", "10.0.3.50")
                .put("SubnetId", "subnet-01a2b3c4d5e6f7083");
        ((com.fasterxml.jackson.databind.node.ObjectNode) third.get("PrivateIpAddresses").get(0))
                .put("PrivateIpAddress", "10.0.3.50").put("PrivateDnsName", "ip-10-0-3-50.eu-west-1.compute.internal");
        ((com.fasterxml.jackson.databind.node.ArrayNode) inventory.get("NetworkInterfaces")).add(third);
        Path eni = tmp.resolve("eni.json");
        json.writeValue(eni.toFile(), inventory);
        Path out = tmp.resolve("out");
        Cli.Result r = generate(out, eni.toString(), Cli.DEMO.resolve("aws/vpcs.json").toString());
        assertEquals(0, r.exitCode(), r.toString());
        List<String> frontend = Files.readAllLines(out.resolve("networkpolicies/shop/frontend.yaml"));
        int rule = frontend.indexOf("        - ipBlock: {cidr: \"10.0.1.50/32\"}");
        assertTrue(rule >= 2, String.join("\n", frontend));
        assertEquals(List.of("        - ipBlock: {cidr: \"10.0.2.50/32\"}", "        - ipBlock: {cidr: \"10.0.3.50/32\"}",
                "      ports:"), frontend.subList(rule + 1, rule + 4), String.join("\n", frontend));
        assertTrue(frontend.get(rule - 2).endsWith("; allows all 3 ENI addresses of " + NLB + " (1 not seen in the window)"),
                String.join("\n", frontend));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| INFO | eni-set | rules to " + NLB + " allow all 3 of its ENI addresses (1 not seen in the window), so they keep working as it scales or fails over |"), report);
        assertFalse(report.contains("vpc-address-peer | shop/Deployment/frontend is allowed to or from vpc/10.0.1.50"), report);
        assertTrue(PolicyOutput.assertSchemaValid(out) > 10);
    }

    @Test
    void withoutAnInventoryTheReportSaysWhatOneWouldHaveNamed() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, generate(out).exitCode());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.matches("(?s).*\\| INFO \\| aws-network-would-name \\| \\d+ VPC addresses held by no recorded pod, node "
                + "or API server \\(e\\.g\\. 10\\.0\\.1\\.50, .*\\): an --aws-network inventory would name them.*"), report);
    }

    @Test
    void withoutTheOptionVpcAddressesStayUnnamed() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = generate(out);
        assertEquals(0, r.exitCode(), r.toString());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| vpc/10.0.1.50 | shop/Deployment/frontend |"), report);
        assertFalse(report.contains("load balancer k8s-"), report);
        assertFalse(Files.readString(out.resolve("edges.json")).contains("\"vpc\""));
    }

    @Test
    void aMalformedInventoryExitsOneNamingFileAndFieldBeforeReadingFlowLogs() throws IOException {
        Path bad = tmp.resolve("eni.json");
        Files.writeString(bad, "{\"NetworkInterfaces\":[{\"NetworkInterfaceId\":\"eni-1\",\"InterfaceType\":\"interface\","
                + "\"PrivateIpAddresses\":[{\"Primary\":true,\"PrivateIpAddress\":true}]}]}");
        Path out = tmp.resolve("out");
        Cli.Result r = generate(out, bad.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("flowpol: error: " + bad + ": NetworkInterfaces[0].PrivateIpAddresses[0].PrivateIpAddress: expected a string, "
                + "found true", r.err().strip(), r.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void anInventoryOfAnotherVpcIsAWarningOnStderrAndInTheReport() throws IOException {
        Path other = tmp.resolve("vpcs.json");
        Files.writeString(other, "{\"Vpcs\":[{\"VpcId\":\"vpc-0ffffffffffffffff\",\"CidrBlock\":\"10.9.0.0/16\","
                + "\"CidrBlockAssociationSet\":[{\"CidrBlock\":\"10.9.0.0/16\"}]}]}");
        Path out = tmp.resolve("out");
        Cli.Result r = generate(out, other.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("flowpol: warning: the AWS network inventory (vpc-0ffffffffffffffff; 10.9.0.0/16) covers "
                + "none of the "), r.toString());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| WARNING | aws-network-other-vpc |"), report);
    }
}
