package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 2, measured: v2 recall and precision on generated 3-ENI scenarios with and
 * without an AWS network inventory: the one the samples generator writes for each scenario
 * ({@code aws/*.json}, the shapes {@code aws ec2 describe-network-interfaces}, {@code describe-subnets}
 * and {@code describe-vpcs} print). Run on
 * demand: {@code -Dflowpol.inventory.measure=SEED:ENIS:EXTRA:MINUTES:DENSITY,...}.
 */
class InventoryRecallTest {
    private static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path tmp;

    @Test
    @EnabledIfSystemProperty(named = "flowpol.inventory.measure", matches = ".+")
    void measure() throws IOException {
        for (String spec : System.getProperty("flowpol.inventory.measure").split(",")) {
            ScenarioOptions options = ScenarioRecall.options(spec, START);
            Path scenario = tmp.resolve("scenario-" + spec.trim().replace(':', '-'));
            new ScenarioGenerator(options).write(scenario);
            // The generator writes the scenario's inventory in the AWS CLI's shapes (issue 11 item 4).
            Path aws = scenario.resolve("aws");
            List<Path> inventory = List.of(aws.resolve("network-interfaces.json"), aws.resolve("subnets.json"),
                    aws.resolve("vpcs.json"));
            for (boolean with : List.of(false, true)) {
                ScenarioRecall r = generate(scenario, with ? inventory : null);
                System.out.println("inventory-recall " + spec.trim() + " v2 " + (with ? "with" : "without")
                        + " inventory: " + r.summary());
                if (!r.missed().isEmpty() || !r.wrongPairs().isEmpty() || !r.wrongVpcEdges().isEmpty()) {
                    System.out.println("  missed " + r.missed() + "\n  wrong pairs " + r.wrongPairs()
                            + "\n  wrong in-VPC edges " + r.wrongVpcEdges());
                }
            }
        }
    }

    private ScenarioRecall generate(Path scenario, List<Path> inventory) throws IOException {
        Path out = scenario.resolveSibling(scenario.getFileName() + "-out-" + (inventory == null ? "v2" : "v2-inv"));
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--flow-logs",
                scenario.resolve("flowlogs").resolve("v2").toString(), "--cluster",
                scenario.resolve("recording.jsonl").toString(), "--out", out.toString()));
        if (inventory != null) {
            args.add("--aws-network");
            inventory.forEach(file -> args.add(file.toString()));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        return ScenarioRecall.measure(scenario, out);
    }
}
