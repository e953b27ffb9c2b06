package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.ClusterInputOptions;
import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.cli.options.WindowOptions;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    static LearningPipeline.Learned learn(Path flowLogs, Path recording) {
        FlowLogInputOptions f = new FlowLogInputOptions();
        f.paths = List.of(flowLogs);
        f.aggregateIn = "flowpol";
        ClusterInputOptions c = new ClusterInputOptions();
        c.paths = List.of(recording);
        InferenceTuningOptions t = new InferenceTuningOptions();
        t.joinHorizon = Duration.ofMinutes(10);
        return LearningPipeline.run(f, new AwsOptions(), c, new WindowOptions(), t, new PrintWriter(new StringWriter()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v5", "v2"})
    void demoPoliciesAllowWhatTheScenarioDidAndNothingElse(String format) throws IOException {
        Path out = tmp.resolve("out");
        Path logs = Cli.DEMO.resolve("flowlogs").resolve(format);
        Path recording = Cli.DEMO.resolve("recording.jsonl");
        Cli.Result r = Cli.run("generate", "--flow-logs", logs.toString(), "--cluster", recording.toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("NetworkPolicies"), r.toString());
        assertTrue(PolicyOutput.assertSchemaValid(out) > 10);
        LearningPipeline.Learned learned = learn(logs, recording);
        ScenarioChecks.assertPoliciesMatchTruth(Cli.DEMO, out, learned.recording().timeline(), learned.result());
        // The demo's hourly report always runs on postgres's node: that pair can never be seen, and must be said.
        assertTrue(learned.result().coverage().colocatedPairs().contains(new io.flowpol.inference.model.WorkloadPair(
                ScenarioChecks.id("ops/CronJob/hourly-report"), ScenarioChecks.id("data/StatefulSet/postgres"))));
        assertTrue(Files.readString(out.resolve("report.md")).contains("hourly-report"));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 23})
    void scenariosWithOtherSeedsHoldTheSameGuarantees(long seed) throws IOException {
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(new ScenarioOptions(seed, Instant.parse("2026-12-01T08:00:00Z"), Duration.ofMinutes(40), 30, 0))
                .write(scenario);
        for (String format : List.of("v5", "v2")) {
            Path out = tmp.resolve("out-" + format);
            Path logs = scenario.resolve("flowlogs").resolve(format);
            Cli.Result r = Cli.run("generate", "--flow-logs", logs.toString(), "--cluster",
                    scenario.resolve("recording.jsonl").toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), r.toString());
            PolicyOutput.assertSchemaValid(out);
            LearningPipeline.Learned learned = learn(logs, scenario.resolve("recording.jsonl"));
            ScenarioChecks.assertPoliciesMatchTruth(scenario, out, learned.recording().timeline(), learned.result());
        }
    }

    @Test
    void theSameInputGivesByteIdenticalOutput() {
        String[] base = {"generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v2").toString(),
                "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(), "--out"};
        assertEquals(0, Cli.run(concat(base, tmp.resolve("a").toString())).exitCode());
        assertEquals(0, Cli.run(concat(base, tmp.resolve("b").toString())).exitCode());
        assertEquals(PolicyOutput.files(tmp.resolve("a")), PolicyOutput.files(tmp.resolve("b")));
    }

    @Test
    void outputHasTheDocumentedLayout() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(),
                "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(), "--out", out.toString()).exitCode());
        for (String f : List.of("kustomization.yaml", "report.md", "edges.json", "networkpolicies/shop/default-deny.yaml",
                "networkpolicies/shop/frontend.yaml", "globalnetworkpolicies/flowpol-deny-kubelet.yaml")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("```mermaid"), "service graph");
        assertTrue(report.contains("SKIPDATA") || report.contains("skipdata"), "the demo's SKIPDATA interval is reported");
        assertTrue(report.contains("198.51.100.23"), "SNAT-hidden egress to the payment API is reported");
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(out), files.toList(), "no temporary directory left beside the output");
        }
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
