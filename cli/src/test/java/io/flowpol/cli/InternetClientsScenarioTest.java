package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.ClusterInputOptions;
import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.cli.options.WindowOptions;
import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Edge;
import io.flowpol.ingest.policy.PolicyReader;
import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 acceptance: an internet-facing ingress (client IP preserved) with more than 40,000
 * distinct clients from a few networks gives one ingress rule from 0.0.0.0/0 commented with the
 * client count and top networks, every policy document under 256 KiB, a report under 1 MB, a small
 * edges.json, and policies that still allow every learned edge; few clients keep exact rules.
 */
class InternetClientsScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path tmp;

    private Path scenario(int clients, int density) throws IOException {
        Path dir = tmp.resolve("scenario-" + clients);
        new ScenarioGenerator(new ScenarioOptions(19, START, Duration.ofMinutes(20), density, 0), clients).write(dir);
        return dir;
    }

    private static Path generate(Path scenario, Path out, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--flow-logs",
                scenario.resolve("flowlogs/v5").toString(), "--cluster", scenario.resolve("recording.jsonl").toString(),
                "--out", out.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        PolicyOutput.assertSchemaValid(out);
        return out;
    }

    /** Every YAML file of an output, by relative path. */
    private static java.util.Map<String, String> yamlFiles(Path out) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                files.put(out.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static String frontendPolicy(Path out) throws IOException {
        return Files.readString(out.resolve("networkpolicies/shop/frontend.yaml"));
    }

    /** The ipBlocks of the frontend's ingress rules from the scenario's public clients (198.18.0.0/15). */
    private static List<String> publicBlocks(String policy) {
        Matcher m = Pattern.compile("cidr: \"(198\\.1[89]\\.[0-9.]+/[0-9]+|0\\.0\\.0\\.0/0)\"").matcher(policy);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void fortyThousandClientsBecomeOneRuleFromEveryAddressAndSmallOutputs() throws IOException {
        Path scenario = scenario(42_000, 4000);
        Path out = generate(scenario, tmp.resolve("out"));

        try (Stream<Path> files = Files.walk(out)) {
            for (Path yaml : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertTrue(Files.size(yaml) < 256 * 1024, yaml + " is " + Files.size(yaml) + " bytes");
            }
        }
        String policy = frontendPolicy(out);
        assertEquals(List.of("0.0.0.0/0"), publicBlocks(policy), "one rule from every address, no client blocks");
        Matcher rule = Pattern.compile("# [^\\n]*; (\\d+) distinct clients; top networks: 198\\.1[89]\\.\\d+\\.0/24 \\(\\d+\\)"
                + "[^\\n]*\\n    - from:\\n        - ipBlock: \\{cidr: \"0\\.0\\.0\\.0/0\"}\\n      ports:\\n"
                + "        - \\{protocol: TCP, port: http}\\n").matcher(policy);
        assertTrue(rule.find(), "the 0.0.0.0/0 rule on the http port carries the count comment:\n" + policy);
        int distinct = Integer.parseInt(rule.group(1));
        assertTrue(distinct >= 40_000, "the scenario has at least 40,000 distinct clients: " + distinct);

        assertTrue(Files.size(out.resolve("report.md")) < 1_000_000, "report.md " + Files.size(out.resolve("report.md")));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| internet (0.0.0.0/0): " + distinct + " distinct clients"), "one summarised row");
        assertTrue(report.contains("internet-facing"), "the finding is in the report");
        assertFalse(report.contains("external/198.18.0.1 "), "no client is listed on its own");

        assertTrue(Files.size(out.resolve("edges.json")) < 256 * 1024, "edges.json " + Files.size(out.resolve("edges.json")));
        JsonNode edges = JSON.readTree(out.resolve("edges.json").toFile());
        assertEquals(1, edges.path("internetClients").size());
        JsonNode summary = edges.path("internetClients").get(0);
        assertEquals("frontend", summary.path("server").path("name").asText());
        assertEquals(8080, summary.path("port").asInt());
        assertEquals(distinct, summary.path("distinctClients").asInt());
        assertEquals(10, summary.path("topNetworks").size());
        long clients = summary.path("otherNetworks").path("clients").asLong();
        long connections = summary.path("otherNetworks").path("connections").asLong();
        for (JsonNode n : summary.path("topNetworks")) {
            clients += n.path("clients").asLong();
            connections += n.path("connections").asLong();
        }
        assertEquals(distinct, clients, "top networks and the rest add up to the exact total");
        assertEquals(summary.path("connections").asLong(), connections);
        for (JsonNode e : edges.path("edges")) {
            assertFalse(e.path("client").path("ip").asText().startsWith("198.1"), "summarised client listed: " + e);
        }

        // Summarised as they were counted (issue 13 item 4), the policies are those of counting every
        // client on its own: byte for byte.
        Path perAddress = generate(scenario, tmp.resolve("per-address"), "--aggregate-external", "per-address");
        assertEquals(yamlFiles(perAddress), yamlFiles(out), "identical policies");

        // Independently of generate's own self-check: the written policies allow every learned edge.
        LearningPipeline.Learned learned = learn(scenario);
        List<Edge> learnedEdges = learned.result().edges();
        long fromInternet = learnedEdges.stream().filter(e -> String.valueOf(e.client().ip()).startsWith("198.1")).count();
        assertEquals(distinct, fromInternet, "every client is a learned edge");
        PolicyEngine engine = new PolicyEngine(new PolicyReader().read(List.of(out)).policies(), new CalicoPolicyMatcher());
        EdgeReplay replay = new EdgeReplay(engine, new EndpointCatalog(learned.recording().timeline()));
        for (Edge e : learnedEdges) {
            assertTrue(replay.replay(e).allowed(), "allowed: " + e);
        }

        // What generate counted: the clients as one class of /24 networks, exact totals, no edge per client.
        LearningPipeline.Learned counted = learn(scenario, 256);
        assertEquals(1, counted.result().peerSummaries().size());
        io.flowpol.inference.model.PeerSummary s = counted.result().peerSummaries().get(0);
        assertEquals(distinct, s.distinctAddresses());
        assertTrue(s.distinctExact());
        assertEquals(summary.path("connections").asLong(), s.evidence().connections());
        long networkEdges = counted.result().edges().stream().filter(e -> e.client().network() != null).count();
        assertEquals(s.networks().size(), networkEdges);
        assertTrue(networkEdges < 1000, "edges per network, not per client: " + networkEdges);
        for (Edge e : counted.result().edges()) {
            assertTrue(replay.replay(e).allowed(), "the aggregate is allowed as a whole: " + e);
        }
    }

    @Test
    void clientsUpToTheThresholdKeepExactRules() throws IOException {
        Path out = generate(scenario(200, 50), tmp.resolve("out"));
        List<String> blocks = publicBlocks(frontendPolicy(out));
        assertTrue(blocks.stream().allMatch(b -> b.endsWith("/32")), blocks.toString());
        JsonNode edges = JSON.readTree(out.resolve("edges.json").toFile());
        assertEquals(0, edges.path("internetClients").size());
        // Every client seen (a lost SKIPDATA minute may hide a few) has its own rule and edge.
        long listed = 0;
        for (JsonNode e : edges.path("edges")) {
            listed += e.path("client").path("ip").asText().startsWith("198.1") ? 1 : 0;
        }
        assertEquals(listed, blocks.size(), "one /32 per client: " + blocks);
        assertTrue(listed >= 150 && listed <= 200, "clients seen: " + listed);
    }

    @Test
    void manyClientsFromFewNetworksAllowThoseNetworks() throws IOException {
        Path scenario = scenario(300, 50);
        // 300 clients alternate between 198.18.0.0/24 and 198.19.0.0/24: two learned networks.
        assertEquals(List.of("198.18.0.0/24", "198.19.0.0/24"), publicBlocks(frontendPolicy(generate(scenario,
                tmp.resolve("out")))));
        // Above the flag's threshold they keep exact rules.
        List<String> exact = publicBlocks(frontendPolicy(generate(scenario, tmp.resolve("out-exact"),
                "--internet-clients-threshold", "300")));
        assertTrue(exact.size() > 256 && exact.stream().allMatch(b -> b.endsWith("/32")), exact.toString());
        // 0 turns the summary off.
        assertEquals(exact, publicBlocks(frontendPolicy(generate(scenario, tmp.resolve("out-off"),
                "--internet-clients-threshold", "0"))));
    }

    @Test
    void aNegativeThresholdIsAUsageError() {
        Cli.Result r = Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster",
                Cli.DEMO.resolve("recording.jsonl").toString(), "--out", tmp.resolve("out").toString(),
                "--internet-clients-threshold", "-1");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--internet-clients-threshold"), r.err());
    }

    private static LearningPipeline.Learned learn(Path scenario) {
        return learn(scenario, 0);
    }

    private static LearningPipeline.Learned learn(Path scenario, int summariseAbove) {
        FlowLogInputOptions f = new FlowLogInputOptions();
        f.paths = List.of(scenario.resolve("flowlogs/v5"));
        f.aggregateIn = "flowpol";
        ClusterInputOptions c = new ClusterInputOptions();
        c.paths = List.of(scenario.resolve("recording.jsonl"));
        InferenceTuningOptions t = new InferenceTuningOptions();
        t.joinHorizon = Duration.ofMinutes(10); // the flag's default
        t.summariseAbove = summariseAbove;
        return LearningPipeline.run(f, new AwsOptions(), c, new WindowOptions(), t, new PrintWriter(new StringWriter()));
    }
}
