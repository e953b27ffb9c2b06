package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: {@code diff} reports what a proposal newly allows towards every kind of peer, by CIDR
 * and port range, riskiest first. Each case edits the demo's generated policies by hand; the
 * expected sizes are worked out from the policies in the comments, not read back from the tool.
 */
class DiffNewReachabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** TCP, UDP and SCTP, ports 1-65535 each. */
    private static final long ALL_PORTS = 3 * 65535L;
    private static final String CART = "networkpolicies/shop/cart.yaml";

    @TempDir
    static Path tmp;
    private static Path generated;

    @BeforeAll
    static void generate() {
        generated = tmp.resolve("generated");
        Cli.Result r = Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster",
                Cli.DEMO.resolve("recording.jsonl").toString(), "--out", generated.toString());
        assertEquals(0, r.exitCode(), r.toString());
    }

    private static Cli.Result diff(Path proposed, String format) {
        return Cli.run("diff", "--current", generated.toString(), "--proposed", proposed.toString(), "-o", format,
                "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster",
                Cli.DEMO.resolve("recording.jsonl").toString());
    }

    /** A copy of the generated policies with {@code from} replaced by {@code to} once in {@code file}. */
    private static Path changed(String name, String file, String from, String to) throws IOException {
        Path dir = tmp.resolve(name);
        try (var files = Files.walk(generated)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Path target = dir.resolve(generated.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        Path target = dir.resolve(file);
        String text = Files.readString(target);
        assertTrue(text.contains(from), file + " has no '" + from + "'");
        Files.writeString(target, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        return dir;
    }

    private static List<JsonNode> rows(Cli.Result r) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(r.out()).path("newReachability").forEach(rows::add);
        return rows;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void anAllowAllEgressOpensTheWorkloadToTheInternetAndEveryUnisolatedPod() throws IOException {
        Path proposed = changed("allow-all-egress", CART, "  egress:\n", "  egress:\n    - {}\n");
        Cli.Result r = diff(proposed, "json");
        assertEquals(0, r.exitCode(), r.toString()); // over-permission alone is no failure
        List<JsonNode> rows = rows(r);
        assertEquals(2, rows.size(), rows.toString());
        JsonNode internet = rows.get(0); // riskiest first
        assertEquals("shop/Deployment/cart", internet.path("workload").asText());
        assertEquals("egress", internet.path("direction").asText());
        assertEquals("INTERNET", internet.path("kind").asText());
        assertEquals(List.of("INTERNET", "NODE", "VPC"), texts(internet.path("kinds")));
        // the generated Calico guards still deny the two API server endpoints and the metadata address
        assertEquals("0.0.0.0/0", internet.path("peer").path("enclosing").asText());
        assertEquals(List.of("10.0.1.200/32", "10.0.2.200/32", "169.254.169.254/32"),
                texts(internet.path("peer").path("except")));
        assertEquals((1L << 32) - 3, internet.path("newAddresses").asLong());
        // every port but the kubelet's (TCP 10250, flowpol-deny-kubelet)
        assertEquals(ALL_PORTS - 1, internet.path("newPorts").asLong());
        JsonNode dns = rows.get(1);
        assertEquals("OTHER_NAMESPACE", dns.path("kind").asText());
        assertEquals(List.of("kube-system/Deployment/coredns"), texts(dns.path("peer").path("workloads")));
        // kube-system is not isolated: everything but TCP 10250, less DNS (TCP and UDP 53) allowed today
        assertEquals(ALL_PORTS - 1 - 2, dns.path("newPorts").asLong());
        assertTrue(JSON.readTree(r.out()).path("headline").asText()
                .contains("shop/Deployment/cart egress to the internet"), r.out());

        Cli.Result text = diff(proposed, "text");
        assertEquals(0, text.exitCode(), text.toString());
        String[] lines = text.out().split("\n");
        assertTrue(lines[2].contains("egress to the internet, nodes, VPC addresses, other namespaces"), lines[2]);
        int section = text.out().indexOf("Newly allowed");
        assertTrue(section > 0 && section < text.out().indexOf("Allowed after but never observed"), text.out());
        assertTrue(text.out().contains("shop/Deployment/cart: egress to 0.0.0.0/0 except 10.0.1.200/32, "
                + "10.0.2.200/32, 169.254.169.254/32 (the internet, nodes, VPC addresses)"), text.out());
    }

    @Test
    void anAllowAllIngressIsReportedAsReachableFromTheInternet() throws IOException {
        Cli.Result r = diff(changed("allow-all-ingress", CART, "  ingress:\n", "  ingress:\n    - {}\n"), "json");
        assertEquals(0, r.exitCode(), r.toString());
        List<JsonNode> rows = rows(r);
        JsonNode first = rows.get(0);
        assertEquals("shop/Deployment/cart", first.path("workload").asText());
        assertEquals("ingress", first.path("direction").asText());
        assertEquals("INTERNET", first.path("kind").asText());
        // no policy guards a pod's ingress from addresses: the whole address space on every port
        assertEquals(List.of("0.0.0.0/0"), texts(first.path("peer").path("cidrs")));
        assertEquals(1L << 32, first.path("newAddresses").asLong());
        assertEquals(ALL_PORTS, first.path("newPorts").asLong());
        // the only pods whose egress may reach cart are the unisolated kube-system ones: cart's ingress opened
        for (JsonNode row : rows) {
            assertEquals("shop/Deployment/cart", row.path("workload").asText(), row.toString());
            assertEquals("ingress", row.path("direction").asText(), row.toString());
        }
    }

    @Test
    void aWidenedIpBlockSaysHowManyAddressesItAdds() throws IOException {
        Cli.Result r = diff(changed("widened-cidr", CART, "198.51.100.23/32", "198.51.100.0/24"), "json");
        assertEquals(0, r.exitCode(), r.toString());
        List<JsonNode> rows = rows(r);
        assertEquals(1, rows.size(), rows.toString());
        JsonNode row = rows.get(0);
        assertEquals("INTERNET", row.path("kind").asText());
        assertEquals(List.of("198.51.100.0/24"), texts(row.path("peer").path("cidrs")));
        assertEquals(256, row.path("addresses").asLong());
        assertEquals(255, row.path("newAddresses").asLong()); // the /32 was allowed already
        assertEquals(1, row.path("newPorts").asLong());
        assertEquals("[[443,443]]", row.path("allowedAfter").path("TCP").toString());
    }

    @Test
    void aWidenedPortRangeSaysHowManyPortsItAdds() throws IOException {
        Cli.Result r = diff(changed("widened-ports", CART,
                "- ipBlock: {cidr: \"203.0.113.80/32\"}\n      ports:\n        - {protocol: TCP, port: 443}",
                "- ipBlock: {cidr: \"203.0.113.80/32\"}\n      ports:\n        - {protocol: TCP, port: 1, endPort: 65535}"),
                "json");
        assertEquals(0, r.exitCode(), r.toString());
        List<JsonNode> rows = rows(r);
        assertEquals(1, rows.size(), rows.toString());
        JsonNode row = rows.get(0);
        assertEquals(List.of("203.0.113.80/32"), texts(row.path("peer").path("cidrs")));
        assertEquals(1, row.path("newAddresses").asLong());
        // TCP 1-65535 less 443 (allowed today) and 10250 (denied by flowpol-deny-kubelet)
        assertEquals(65535 - 2, row.path("newPorts").asLong());
        assertEquals("[[1,442],[444,10249],[10251,65535]]", row.path("newlyAllowed").path("TCP").toString());
    }

    @Test
    void aRemovedDefaultDenyOpensTheWorkloadToTheInternet() throws IOException {
        // data/redis loses its own policy and the namespace its default-deny: nothing isolates its ingress
        Path proposed = changed("removed-default-deny", CART, "kind", "kind");
        Files.delete(proposed.resolve("networkpolicies/data/default-deny.yaml"));
        Files.delete(proposed.resolve("networkpolicies/data/redis.yaml"));
        Cli.Result r = diff(proposed, "json");
        // its egress stays closed: the flowpol GlobalNetworkPolicies select it and end their tier with a
        // default deny, so its observed DNS lookups break (exit 3) while its ingress opens
        assertEquals(3, r.exitCode(), r.toString());
        List<JsonNode> rows = rows(r);
        JsonNode first = rows.get(0);
        assertEquals("data/StatefulSet/redis ingress INTERNET",
                first.path("workload").asText() + " " + first.path("direction").asText() + " " + first.path("kind").asText());
        assertEquals(List.of("INTERNET", "API_SERVER", "NODE", "VPC"), texts(first.path("kinds")));
        assertEquals(List.of("0.0.0.0/0"), texts(first.path("peer").path("cidrs")));
        assertEquals(1L << 32, first.path("newAddresses").asLong());
        assertEquals(ALL_PORTS, first.path("newPorts").asLong());
        for (JsonNode row : rows) {
            assertEquals("data/StatefulSet/redis ingress", row.path("workload").asText() + " "
                    + row.path("direction").asText(), row.toString());
        }
    }

    @Test
    void brokenObservedTrafficStillExitsThreeWithTheNewReachabilityListed() throws IOException {
        Path proposed = changed("breaks", CART, "podSelector: {matchLabels: {app: checkout}}",
                "podSelector: {matchLabels: {app: nobody}}");
        Path cart = proposed.resolve(CART);
        Files.writeString(cart, Files.readString(cart).replaceFirst("  egress:\n", "  egress:\n    - {}\n"));
        Cli.Result broken = diff(proposed, "json");
        assertEquals(3, broken.exitCode(), broken.toString());
        assertTrue(rows(broken).stream().anyMatch(row -> row.path("kind").asText().equals("INTERNET")), broken.out());
    }
}
