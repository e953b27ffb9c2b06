package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 2, measured: v2 recall and precision on generated 3-ENI scenarios with and
 * without an AWS network inventory. The inventory is what {@code aws ec2
 * describe-network-interfaces} would print for the scenario's ENIs: built from the v5 files'
 * {@code interface-id}, {@code instance-id} and {@code flow-direction} (the ENI's primary is the
 * local end of its records), node ENIs described {@code aws-K8S-<instance>}, ENIs of no instance
 * (load balancers; the control plane's are recorded API server addresses anyway) as NLBs. Run on
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
            String[] p = spec.trim().split(":");
            ScenarioOptions options = new ScenarioOptions(Long.parseLong(p[0]), START,
                    Duration.ofMinutes(Integer.parseInt(p[3])), Integer.parseInt(p[4]), 0, Integer.parseInt(p[1]),
                    Integer.parseInt(p[2]));
            Path scenario = tmp.resolve("scenario-" + spec.trim().replace(':', '-'));
            new ScenarioGenerator(options).write(scenario);
            Path inventory = inventory(scenario.resolve("flowlogs").resolve("v5"), scenario.resolve("eni.json"));
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

    private ScenarioRecall generate(Path scenario, Path inventory) throws IOException {
        Path out = scenario.resolveSibling(scenario.getFileName() + "-out-" + (inventory == null ? "v2" : "v2-inv"));
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--flow-logs",
                scenario.resolve("flowlogs").resolve("v2").toString(), "--cluster",
                scenario.resolve("recording.jsonl").toString(), "--out", out.toString()));
        if (inventory != null) {
            args.addAll(List.of("--aws-network", inventory.toString()));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        return ScenarioRecall.measure(scenario, out);
    }

    /** describe-network-interfaces' shape for the ENIs the v5 records name. */
    private static Path inventory(Path v5, Path out) throws IOException {
        Map<String, String[]> enis = new TreeMap<>(); // id -> {primary, instance}
        List<Path> files;
        try (Stream<Path> walk = Files.walk(v5)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                List<String> header = List.of(reader.readLine().trim().split(" "));
                int eni = header.indexOf("interface-id");
                int src = header.indexOf("srcaddr");
                int dst = header.indexOf("dstaddr");
                int instance = header.indexOf("instance-id");
                int direction = header.indexOf("flow-direction");
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] f = line.trim().split(" ");
                    if (f.length < header.size() || "-".equals(f[direction]) || enis.containsKey(f[eni])) {
                        continue;
                    }
                    enis.put(f[eni], new String[] {"egress".equals(f[direction]) ? f[src] : f[dst], f[instance]});
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("NetworkInterfaces");
        enis.forEach((id, e) -> {
            ObjectNode n = list.addObject();
            n.put("NetworkInterfaceId", id);
            boolean instance = !"-".equals(e[1]);
            n.put("InterfaceType", instance ? "interface" : "network_load_balancer");
            n.put("Description", instance ? "aws-K8S-" + e[1] : "ELB net/lb-" + id + "/0");
            n.put("VpcId", "vpc-scenario");
            if (instance) {
                n.putObject("Attachment").put("InstanceId", e[1]);
            }
            n.putArray("PrivateIpAddresses").addObject().put("PrivateIpAddress", e[0]).put("Primary", true);
        });
        json.writeValue(out.toFile(), root);
        return out;
    }
}
