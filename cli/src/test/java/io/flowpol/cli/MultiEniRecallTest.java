package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11: on nodes of three ENIs (DESIGN.md fact 13), {@code generate} on the default v2 files
 * allows as many of the observable workload edges as on the v5 files of the same traffic, and
 * nothing the truth does not have. Measured against the generator's ground truth.
 */
class MultiEniRecallTest {
    private static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "seed {0}, {1} extra workloads, {2} min")
    @CsvSource({"11, 15, 40, 150", "23, 15, 40, 150", "31, 150, 30, 250"})
    void v2ReachesTheRecallOfV5OnThreeEniNodes(long seed, int extraWorkloads, int minutes, int density)
            throws IOException {
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(new ScenarioOptions(seed, START, Duration.ofMinutes(minutes), density, 0, 3,
                extraWorkloads)).write(scenario);
        ScenarioRecall v5 = generate(scenario, "v5");
        ScenarioRecall v2 = generate(scenario, "v2");
        assertTrue(v5.observable() >= 20 + extraWorkloads, "the truth has workload edges to check: " + v5.summary());
        assertTrue(v5.recall() >= 0.999, "v5: " + v5.summary() + "\n" + v5.missed());
        assertTrue(v2.recall() >= 0.999, "v2: " + v2.summary() + "\n" + v2.missed());
        assertEquals(v5.allowed(), v2.allowed(), "v2 " + v2.summary() + " vs v5 " + v5.summary());
        for (ScenarioRecall r : List.of(v5, v2)) {
            assertEquals(List.of(), r.wrongPairs(), "allowed between workloads although the truth never had it");
            assertEquals(List.of(), r.wrongVpcEdges(), "learned in-VPC edges the truth never had");
        }
    }

    /**
     * The layout CloudWatch delivery gives (DESIGN.md fact 14): one file per ENI, each covering the
     * whole window, no header. The v2 join across ENIs must not depend on the files being read one
     * after another: per-ENI files allow exactly what the S3 layout of the same records allows.
     */
    @Test
    void v2PerEniFilesAllowWhatTheS3LayoutAllows() throws IOException {
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(new ScenarioOptions(17, START, Duration.ofMinutes(40), 150, 0, 3, 15)).write(scenario);
        ScenarioRecall s3 = generate(scenario, "v2");
        io.flowpol.samples.PerEniExport export = io.flowpol.samples.PerEniExport.read(
                scenario.resolve("flowlogs").resolve("v2"));
        Path perEni = tmp.resolve("per-eni");
        List<Path> files = export.writePerEni(perEni, false);
        assertTrue(files.size() > 20, "one file per ENI of a multi-ENI cluster: " + files.size());
        Path out = tmp.resolve("out-per-eni");
        Cli.Result r = Cli.run("generate", "--flow-logs", perEni.toString(), "--flow-log-format", export.header(),
                "--cluster", scenario.resolve("recording.jsonl").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        ScenarioRecall perEniRecall = ScenarioRecall.measure(scenario, out);
        assertTrue(perEniRecall.recall() >= 0.999, "per-ENI v2: " + perEniRecall.summary() + "\n" + perEniRecall.missed());
        assertEquals(s3.allowed(), perEniRecall.allowed(), "per-ENI " + perEniRecall.summary() + " vs S3 " + s3.summary());
        assertEquals(List.of(), perEniRecall.wrongPairs());
        assertEquals(List.of(), perEniRecall.wrongVpcEdges());
    }

    /**
     * Not a check but the measurement behind the closing note, run on demand:
     * {@code mvn -B -o -q -pl cli -am test -Dtest=MultiEniRecallTest#measure -Dsurefire.failIfNoSpecifiedTests=false
     * -Dflowpol.recall.measure=SEED:ENIS:EXTRA:MINUTES:DENSITY,...}; prints one line per scenario and format.
     */
    @Test
    @EnabledIfSystemProperty(named = "flowpol.recall.measure", matches = ".+")
    void measure() throws IOException {
        for (String spec : System.getProperty("flowpol.recall.measure").split(",")) {
            ScenarioOptions options = ScenarioRecall.options(spec, START);
            Path scenario = tmp.resolve("scenario-" + spec.trim().replace(':', '-'));
            new ScenarioGenerator(options).write(scenario);
            // -Dflowpol.recall.inventory=true: also with the demo's AWS network inventory (same VPC layout).
            boolean inventory = Boolean.getBoolean("flowpol.recall.inventory");
            for (String format : inventory ? List.of("v5", "v2", "v5+inventory", "v2+inventory") : List.of("v5", "v2")) {
                String flowLogs = format.substring(0, 2);
                ScenarioRecall r = format.endsWith("inventory") ? generate(scenario, flowLogs, INVENTORY)
                        : generate(scenario, flowLogs);
                System.out.println("recall " + spec.trim() + " " + format + ": " + r.summary());
                if (!r.missed().isEmpty() || !r.wrongPairs().isEmpty() || !r.wrongVpcEdges().isEmpty()) {
                    System.out.println("  missed " + r.missed() + "\n  wrong pairs " + r.wrongPairs()
                            + "\n  wrong in-VPC edges " + r.wrongVpcEdges());
                }
            }
        }
    }

    /**
     * With the AWS network inventory (issue 11 item 3): generated clusters use the demo's VPC, NLB and
     * control-plane ENIs, so the demo's inventory describes them. Rules to the NLB allow both its ENIs,
     * v2 still allows what v5 allows, and nothing the truth does not have.
     */
    @Test
    void withTheInventoryV2AndV5AllowTheSameAndTheNlbByBothEnis() throws IOException {
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(new ScenarioOptions(11, START, Duration.ofMinutes(40), 150, 0, 3, 15)).write(scenario);
        ScenarioRecall v5 = generate(scenario, "v5", INVENTORY);
        ScenarioRecall v2 = generate(scenario, "v2", INVENTORY);
        assertTrue(v2.recall() >= 0.999, "v2: " + v2.summary() + "\n" + v2.missed());
        assertEquals(v5.allowed(), v2.allowed(), "v2 " + v2.summary() + " vs v5 " + v5.summary());
        for (String format : List.of("v5", "v2")) {
            ScenarioRecall r = format.equals("v5") ? v5 : v2;
            assertEquals(List.of(), r.wrongPairs(), format);
            assertEquals(List.of(), r.wrongVpcEdges(), format);
            String frontend = java.nio.file.Files.readString(scenario.resolveSibling("scenario-out-" + format + "-inventory")
                    .resolve("networkpolicies/shop/frontend.yaml"));
            assertTrue(frontend.contains("        - ipBlock: {cidr: \"10.0.1.50/32\"}\n        - ipBlock: {cidr: \"10.0.2.50/32\"}"),
                    format + ":\n" + frontend);
            assertTrue(frontend.contains("; allows all 2 ENI addresses of load balancer k8s-shop-frontend-5d4c3b2a19 (NLB)"),
                    format + ":\n" + frontend);
        }
    }

    private static final String[] INVENTORY = {"--aws-network", Cli.DEMO.resolve("aws/eni.json").toString(),
        Cli.DEMO.resolve("aws/vpcs.json").toString()};

    private ScenarioRecall generate(Path scenario, String format, String... extra) throws IOException {
        Path out = scenario.resolveSibling(scenario.getFileName() + "-out-" + format + (extra.length > 0 ? "-inventory" : ""));
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--flow-logs",
                scenario.resolve("flowlogs").resolve(format).toString(),
                "--cluster", scenario.resolve("recording.jsonl").toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        return ScenarioRecall.measure(scenario, out);
    }
}
