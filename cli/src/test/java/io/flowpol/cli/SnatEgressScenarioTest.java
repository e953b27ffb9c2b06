package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatAttribution;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.snat.SnatAttributions;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 acceptance: over a generated day with churn (a rollout, CronJob runs, 24 pods evicted and
 * replaced on other nodes), against the
 * generator's truth, {@code --snat-egress common-candidates} allows every real SNAT-ed egress edge
 * and no workload beyond the certain and common candidates of its destination, while
 * {@code allow-candidates} allows no workload beyond the time-resolved candidates; every rule to a
 * SNAT-ed destination says so in its comment.
 */
class SnatEgressScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path scenario;
    static LearningPipeline.Learned learned;
    static List<SnatAttribution> attributions;

    @BeforeAll
    static void generateADay() throws IOException {
        scenario = tmp.resolve("scenario");
        new ScenarioGenerator(new ScenarioOptions(31, Instant.parse("2026-12-01T00:00:00Z"), Duration.ofHours(24), 4, 0)
                .withReschedules(24)).write(scenario);
        FlowLogInputOptions f = new FlowLogInputOptions();
        f.paths = List.of(scenario.resolve("flowlogs/v5"));
        f.aggregateIn = "flowpol";
        ClusterInputOptions c = new ClusterInputOptions();
        c.paths = List.of(scenario.resolve("recording.jsonl"));
        InferenceTuningOptions t = new InferenceTuningOptions();
        t.joinHorizon = Duration.ofMinutes(10);
        learned = LearningPipeline.run(f, new AwsOptions(), c, new WindowOptions(), t, new PrintWriter(new StringWriter()));
        attributions = SnatAttributions.of(learned.result().snatEgress());
        assertTrue(attributions.size() >= 2, "the scenario has SNAT-ed egress: " + attributions);
        // The churn shows: some destination's connections came from more than one node or candidate set.
        assertTrue(learned.result().snatEgress().stream().anyMatch(e -> e.sets().size() > 1)
                || attributions.stream().anyMatch(a -> a.nodes().size() > 1), () -> "no churn: " + attributions);
    }

    private static Path generate(String mode) throws IOException {
        Path out = tmp.resolve("out-" + mode);
        Cli.Result r = Cli.run("generate", "--flow-logs", scenario.resolve("flowlogs/v5").toString(), "--cluster",
                scenario.resolve("recording.jsonl").toString(), "--out", out.toString(), "--snat-egress", mode);
        assertEquals(0, r.exitCode(), r.toString());
        PolicyOutput.assertSchemaValid(out);
        return out;
    }

    private static EdgeReplay replay(Path out) {
        PolicyEngine engine = new PolicyEngine(new PolicyReader().read(List.of(out)).policies(), new CalicoPolicyMatcher());
        return new EdgeReplay(engine, new EndpointCatalog(learned.recording().timeline()));
    }

    private static Edge egress(WorkloadId client, IpAddress destination, int protocol, int port) {
        return new Edge(Peer.workload(client), Peer.external(destination), protocol, port, null,
                new Evidence(1, 0, 0, 0, 0, Set.of()));
    }

    /** The workloads, among those that get policies, allowed to the destination. */
    private static List<WorkloadId> allowedTo(EdgeReplay replay, SnatAttribution a) {
        EndpointCatalog catalog = new EndpointCatalog(learned.recording().timeline());
        List<WorkloadId> out = new ArrayList<>();
        for (WorkloadId w : catalog.workloads().keySet()) {
            if (!w.namespace().startsWith("kube-") && !catalog.endpoints(Peer.workload(w)).isEmpty()
                    && replay.replay(egress(w, a.destination(), a.protocol(), a.port())).allowed()) {
                out.add(w);
            }
        }
        return out;
    }

    private static void assertBounded(Path out, Function<SnatAttribution, List<WorkloadId>> bound, String what) {
        EdgeReplay replay = replay(out);
        for (SnatAttribution a : attributions) {
            List<WorkloadId> allowed = allowedTo(replay, a);
            assertTrue(bound.apply(a).containsAll(allowed), what + " bounds the egress to " + a.destination() + ": allowed "
                    + allowed + ", bound " + bound.apply(a));
        }
    }

    private static void assertTrueSendersAllowed(Path out) throws IOException {
        EdgeReplay replay = replay(out);
        int checked = 0;
        for (JsonNode t : JSON.readTree(scenario.resolve("truth.json").toFile()).path("edges")) {
            if (t.path("snat").asBoolean() && t.path("clientKind").asText().equals("workload")
                    && !t.path("client").asText().startsWith("kube-system/")) {
                Edge e = egress(ScenarioChecks.id(t.path("client").asText()),
                        IpAddress.parse(t.path("server").asText().substring("external:".length())),
                        Protocol.parse(t.path("protocol").asText()), t.path("port").asInt());
                assertTrue(replay.replay(e).allowed(), "the real sender of SNAT-ed egress is allowed: " + t);
                checked++;
            }
        }
        assertTrue(checked >= 2, "the truth has SNAT-ed egress: " + checked);
    }

    @Test
    void commonCandidatesAllowsEveryTrueSenderAndAtMostTheCommonCandidates() throws IOException {
        Path out = generate("common-candidates");
        assertTrueSendersAllowed(out);
        assertBounded(out, SnatAttribution::commonAllowed, "common-candidates");
        // It is narrower than the union somewhere, or the mode would be pointless on this scenario.
        assertTrue(attributions.stream().anyMatch(a -> a.commonAllowed().size() < a.all().size()),
                () -> "attributions: " + attributions);
    }

    @Test
    void allowCandidatesAllowsAtMostTheTimeResolvedUnion() throws IOException {
        Path out = generate("allow-candidates");
        assertTrueSendersAllowed(out);
        assertBounded(out, SnatAttribution::all, "allow-candidates");
    }

    @Test
    void everyRuleToASnatDestinationCarriesTheSnatComment() throws IOException {
        Path out = generate("allow-candidates");
        int rules = 0;
        try (Stream<Path> files = Files.walk(out.resolve("networkpolicies"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (SnatAttribution a : attributions) {
                        if (lines.get(i).contains("cidr: \"" + a.destination() + "/")) {
                            String comment = lines.get(i - 2).trim();
                            assertTrue(comment.startsWith("# SNAT: "), file + ":" + (i - 1) + ": " + comment);
                            rules++;
                        }
                    }
                }
            }
        }
        assertTrue(rules >= 2, "rules to SNAT-ed destinations: " + rules);
    }
}
