package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loadBalancerSourceRanges} patches (issue 11 item 3): the demo's office clients reach the
 * NLB of {@code shop/frontend-nlb}; with the inventory naming its ENIs they are learned and written
 * as a kustomize patch in a component, listed in the report, the kustomization and the manifest.
 */
class LoadBalancerSourceRangesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    private static Cli.Result generate(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(),
                "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static String[] inventory() {
        return new String[] {"--aws-network", Cli.DEMO.resolve("aws/eni.json").toString(),
            Cli.DEMO.resolve("aws/vpcs.json").toString()};
    }

    @Test
    void theDemoOfficeClientsBecomeASourceRangesPatchOfTheNlbService() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = generate(out, inventory());
        assertEquals(0, r.exitCode(), r.toString());

        JsonNode patch = YAML.readTree(out.resolve("service-patches/shop/frontend-nlb.yaml").toFile());
        assertEquals("v1", patch.get("apiVersion").asText());
        assertEquals("Service", patch.get("kind").asText());
        assertEquals("frontend-nlb", patch.at("/metadata/name").asText());
        assertEquals("shop", patch.at("/metadata/namespace").asText());
        assertEquals(List.of("172.16.8.21/32", "172.16.9.40/32"), strings(patch.at("/spec/loadBalancerSourceRanges")));
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), fields(patch));
        assertEquals(List.of("loadBalancerSourceRanges"), fields(patch.get("spec")));

        JsonNode component = YAML.readTree(out.resolve("service-patches/kustomization.yaml").toFile());
        assertEquals("kustomize.config.k8s.io/v1alpha1", component.get("apiVersion").asText());
        assertEquals("Component", component.get("kind").asText());
        assertEquals("shop/frontend-nlb.yaml", component.at("/patches/0/path").asText());
        assertEquals(1, component.get("patches").size());

        String kustomization = Files.readString(out.resolve("kustomization.yaml"));
        assertTrue(kustomization.contains("# loadBalancerSourceRanges patches of LoadBalancer Services: the component "
                + "service-patches/"), kustomization);
        // Not a resource of the policies' kustomization: the Service is not in this output.
        assertFalse(YAML.readTree(kustomization).get("resources").toString().contains("service-patches"), kustomization);

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| INFO | lb-source-ranges | Service shop/frontend-nlb: its load balancer's 2 client "
                + "address(es) come from 2 range(s) (172.16.8.21/32, 172.16.9.40/32): service-patches/shop/frontend-nlb.yaml "
                + "sets its loadBalancerSourceRanges to them"), report);

        // The ownership contract: every written file is in the manifest, with its digest.
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve(".flowpol-manifest"))) {
            listed.put(line.substring(66), line.substring(0, 64));
        }
        assertTrue(listed.containsKey("service-patches/shop/frontend-nlb.yaml"), listed.keySet().toString());
        assertTrue(listed.containsKey("service-patches/kustomization.yaml"), listed.keySet().toString());
        assertEquals(PolicyOutput.files(out).keySet().stream().filter(f -> !f.equals(".flowpol-manifest")).toList(),
                List.copyOf(listed.keySet()));
        // ... so a second run may replace the directory.
        assertEquals(0, generate(out, inventory()).exitCode());
    }

    @Test
    void withoutAnInventoryTheDemoNlbClientsAreNotSeenAndNoPatchIsWritten() throws IOException {
        // Client IP preservation is off in the demo: the pods see the NLB's addresses, not the clients.
        Path out = tmp.resolve("out");
        assertEquals(0, generate(out).exitCode());
        assertFalse(Files.exists(out.resolve("service-patches")));
        assertFalse(Files.readString(out.resolve("kustomization.yaml")).contains("service-patches"));
    }

    @Test
    void pastTheLimitTheClientsNetworksAreUsed() throws IOException {
        // Two exact addresses do not fit one range; their /24 networks merge into one /23.
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of(inventory()));
        args.addAll(List.of("--lb-source-ranges-max", "1"));
        assertEquals(0, generate(out, args.toArray(String[]::new)).exitCode());
        JsonNode patch = YAML.readTree(out.resolve("service-patches/shop/frontend-nlb.yaml").toFile());
        assertEquals(List.of("172.16.8.0/23"), strings(patch.at("/spec/loadBalancerSourceRanges")));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("come from 1 range(s) (172.16.8.0/23), their /24 (/48) networks:"), report);
    }

    @Test
    void zeroTurnsPatchesOff() throws IOException {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of(inventory()));
        args.addAll(List.of("--lb-source-ranges-max", "0"));
        assertEquals(0, generate(out, args.toArray(String[]::new)).exitCode());
        assertFalse(Files.exists(out.resolve("service-patches")));
        assertFalse(Files.readString(out.resolve("report.md")).contains("lb-source-ranges"));
    }

    @Test
    void aNegativeLimitIsAUsageError() {
        Cli.Result r = generate(tmp.resolve("out"), "--lb-source-ranges-max", "-1");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--lb-source-ranges-max"), r.err());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
