package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.coverage.InventoryCoverage;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 4: the inventory the samples generator writes for a scenario
 * ({@code aws/network-interfaces.json}, {@code subnets.json}, {@code vpcs.json}) is read by the
 * real {@code generate --aws-network} as the AWS CLI's output would be. On 3-ENI scenarios, with
 * and without external SNAT (a NAT gateway ENI): no other-VPC warning, every in-VPC address the
 * flow logs name is named by it (no {@code aws-network-unnamed} finding, where the run without
 * it counts addresses an inventory would name), and the v2 policies allow at least what they
 * allow without it, measured against the generator's ground truth, and nothing the truth lacks.
 */
class GeneratedInventoryTest {
    private static final Instant START = Instant.parse("2026-12-02T08:00:00Z");
    private static final Cidr VPC = Cidr.parse("10.0.0.0/16");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "seed {0}, external SNAT {1}")
    @CsvSource({"11, false", "23, true"})
    void theGeneratedInventoryNamesEveryVpcAddressAndLosesNoEdge(long seed, boolean externalSnat) throws IOException {
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(new ScenarioOptions(seed, START, Duration.ofMinutes(40), 150, 0, 3, 15, externalSnat))
                .write(scenario);
        List<String> files;
        try (Stream<Path> aws = Files.list(scenario.resolve("aws"))) {
            files = aws.map(Path::toString).sorted().toList();
        }
        assertEquals(3, files.size(), files.toString());

        Path without = tmp.resolve("out-v2");
        Cli.Result plain = generate(scenario, without, List.of());
        Path with = tmp.resolve("out-v2-inventory");
        Cli.Result r = generate(scenario, with, files);

        assertFalse(r.err().contains("--aws-network"), r.err());
        assertFalse(r.err().contains("another VPC"), r.err());
        String report = Files.readString(with.resolve("report.md"));
        assertFalse(report.contains(InventoryCoverage.OTHER_VPC), "no other-VPC finding");
        assertFalse(report.contains(InventoryCoverage.NOT_NAMED), "every in-VPC address is named: "
                + report.lines().filter(l -> l.contains(InventoryCoverage.NOT_NAMED)).toList());
        assertTrue(Files.readString(without.resolve("report.md")).contains(InventoryCoverage.WOULD_NAME),
                "without it there are addresses an inventory would name");
        List<String> unnamed = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(with.resolve("edges.json").toFile()).path("edges")) {
            for (JsonNode end : List.of(e.path("client"), e.path("server"))) {
                if (end.path("kind").asText().equals("vpc-address") && VPC.contains(IpAddress.parse(end.path("ip").asText()))
                        && end.path("vpc").path("displayName").asText().isEmpty()) {
                    unnamed.add(end.toString());
                }
            }
        }
        assertEquals(List.of(), unnamed, "in-VPC ends of edges.json without the inventory's name");
        assertTrue(report.contains("load balancer k8s-shop-frontend-"), "the NLB is named");

        ScenarioRecall before = ScenarioRecall.measure(scenario, without);
        ScenarioRecall after = ScenarioRecall.measure(scenario, with);
        System.out.println("generated-inventory seed " + seed + " external-snat " + externalSnat + ": v2 without "
                + before.summary() + "; with " + after.summary());
        assertTrue(after.observable() >= 35, after.summary());
        assertTrue(after.allowed() >= before.allowed(), "with " + after.summary() + " vs without " + before.summary());
        assertTrue(after.recall() >= 0.999, after.summary() + "\n" + after.missed());
        assertEquals(List.of(), after.wrongPairs(), "allowed between workloads although the truth never had it");
        assertEquals(List.of(), after.wrongVpcEdges(), "learned in-VPC edges the truth never had");
    }

    private static Cli.Result generate(Path scenario, Path out, List<String> inventory) {
        List<String> args = new ArrayList<>(List.of("generate", "--flow-logs",
                scenario.resolve("flowlogs").resolve("v2").toString(), "--cluster",
                scenario.resolve("recording.jsonl").toString(), "--out", out.toString()));
        if (!inventory.isEmpty()) {
            args.add("--aws-network");
            args.addAll(inventory);
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }
}
