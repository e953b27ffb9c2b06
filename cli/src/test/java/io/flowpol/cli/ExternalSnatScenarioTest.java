package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.cluster.ClusterRecordingReader;
import io.flowpol.ingest.policy.PolicyReader;
import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 5 acceptance: with {@code AWS_VPC_K8S_CNI_EXTERNALSNAT=true} pods reach the
 * internet with their own address through a NAT gateway. Measured against the generator's truth:
 * with v5 records (pkt-srcaddr/pkt-dstaddr) every workload the policies allow to an external
 * destination and port really sent there (precision 100 %) and every real sender is allowed; with
 * v2 records too, by joining the node's and the gateway's records; the report says external SNAT
 * is on; and the NAT gateway's own address gets no rule.
 */
class ExternalSnatScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The generator's NAT gateway ENI address (samples FlowCapture). */
    private static final String NAT_GATEWAY = "10.0.0.100";

    @TempDir
    static Path tmp;
    static Path external;
    static Path node;

    @BeforeAll
    static void generate() throws IOException {
        ScenarioOptions options = new ScenarioOptions(31, Instant.parse("2026-12-01T00:00:00Z"), Duration.ofHours(6), 8, 0);
        external = tmp.resolve("external-snat");
        node = tmp.resolve("node-snat");
        new ScenarioGenerator(options.withExternalSnat(true)).write(external);
        new ScenarioGenerator(options).write(node);
    }

    private static Path run(Path scenario, String format) throws IOException {
        Path out = tmp.resolve("out-" + scenario.getFileName() + "-" + format);
        Cli.Result r = Cli.run("generate", "--flow-logs", scenario.resolve("flowlogs/" + format).toString(), "--cluster",
                scenario.resolve("recording.jsonl").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        PolicyOutput.assertSchemaValid(out);
        return out;
    }

    /** Workload, destination and port of the truth's egress to external addresses. */
    private static Set<String> trueEgress(Path scenario) throws IOException {
        Set<String> out = new TreeSet<>();
        for (JsonNode t : JSON.readTree(scenario.resolve("truth.json").toFile()).path("edges")) {
            if (t.path("clientKind").asText().equals("workload") && t.path("serverKind").asText().equals("external")
                    && !t.path("attemptOnly").asBoolean()) {
                out.add(key(t.path("client").asText(), t.path("server").asText().substring("external:".length()),
                        t.path("protocol").asText(), t.path("port").asInt()));
            }
        }
        return out;
    }

    private static String key(String workload, String destination, String protocol, int port) {
        return workload + " -> " + destination + " " + protocol.toUpperCase() + "/" + port;
    }

    /** Every (workload, external destination, port) of the truth's egress the policies allow. */
    private static Set<String> allowedEgress(Path scenario, Path out) throws IOException {
        ClusterTimeline timeline = new ClusterRecordingReader().read(List.of(scenario.resolve("recording.jsonl"))).timeline();
        EndpointCatalog catalog = new EndpointCatalog(timeline);
        EdgeReplay replay = new EdgeReplay(new PolicyEngine(new PolicyReader().read(List.of(out)).policies(),
                new CalicoPolicyMatcher()), catalog);
        Set<String> destinations = new LinkedHashSet<>();
        for (String t : trueEgress(scenario)) {
            destinations.add(t.substring(t.indexOf(" -> ") + 4));
        }
        Set<String> allowed = new TreeSet<>();
        for (WorkloadId w : catalog.workloads().keySet()) {
            if (w.namespace().startsWith("kube-") || catalog.endpoints(Peer.workload(w)).isEmpty()) {
                continue; // no policies there, or a hostNetwork workload (a node to policies)
            }
            for (String d : destinations) {
                String[] p = d.split("[ /]");
                Edge e = new Edge(Peer.workload(w), Peer.external(IpAddress.parse(p[0])), Protocol.parse(p[1]),
                        Integer.parseInt(p[2]), null, new Evidence(1, 0, 0, 0, 0, Set.of()));
                if (replay.replay(e).allowed()) {
                    allowed.add(key(w.toString(), p[0], p[1], Integer.parseInt(p[2])));
                }
            }
        }
        return allowed;
    }

    private static Set<String> policyBearing(Set<String> truth) {
        Set<String> out = new TreeSet<>();
        for (String t : truth) {
            if (!t.startsWith("kube-")) {
                out.add(t);
            }
        }
        return out;
    }

    private static double precision(Set<String> allowed, Set<String> truth) {
        long right = allowed.stream().filter(truth::contains).count();
        return allowed.isEmpty() ? 1 : (double) right / allowed.size();
    }

    @Test
    void v5EgressIsExactAndTheReportSaysExternalSnatIsOn() throws IOException {
        Path out = run(external, "v5");
        Set<String> truth = trueEgress(external);
        Set<String> allowed = allowedEgress(external, out);
        assertTrue(truth.size() >= 2, "the scenario has egress to the internet: " + truth);
        List<String> wrong = new ArrayList<>(allowed);
        wrong.removeAll(truth);
        assertEquals(List.of(), wrong, "allowed to an external destination but never sent there");
        List<String> missed = new ArrayList<>(policyBearing(truth));
        missed.removeAll(allowed);
        assertEquals(List.of(), missed, "real egress denied");
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("external-snat"), report);
        assertTrue(report.contains("External SNAT is on"), report);
        assertFalse(report.contains("| snat-candidates |"), "no egress is left to candidates: " + report);
        assertFalse(report.contains("| snat-egress |"), "no egress is seen from a node address: " + report);
        assertTrue(report.contains("NAT gateway address " + NAT_GATEWAY + " translated them"), report);
        // The gateway's own leg to the internet repeats a pod's connection: no edge, no graph node.
        assertFalse(report.contains("vpc/" + NAT_GATEWAY), report);
        assertNoRuleTo(out, NAT_GATEWAY);
    }

    /**
     * v2 has no pkt-* fields: the node's record shows node → destination, the gateway's pod →
     * gateway. Joined (NatGatewayJoin), egress is exact here too — at least as good as node SNAT,
     * which is what v2 gave before (precision 16.7 % on this scenario).
     */
    @Test
    void v2EgressIsExactByJoiningTheNodesAndTheGatewaysRecords() throws IOException {
        Path externalOut = run(external, "v2");
        Path nodeOut = run(node, "v2");
        Set<String> truth = trueEgress(external);
        assertEquals(truth, trueEgress(node), "one traffic plan, two SNAT settings");
        Set<String> withExternal = allowedEgress(external, externalOut);
        Set<String> withNode = allowedEgress(node, nodeOut);
        assertEquals(policyBearing(truth), withExternal, "exactly the real senders and destinations");
        assertEquals(1.0, precision(withExternal, truth));
        assertTrue(precision(withExternal, truth) >= precision(withNode, truth),
                "external " + precision(withExternal, truth) + " vs node " + precision(withNode, truth));
        String report = Files.readString(externalOut.resolve("report.md"));
        assertTrue(report.contains("External SNAT is on"), report);
        assertTrue(report.contains("of them joined from the node's record (node to destination) and the NAT gateway's"),
                report);
        assertTrue(report.contains("NAT gateway address " + NAT_GATEWAY + " translated them"), report);
        assertFalse(report.contains("| snat-candidates |"), "no egress is left to candidates: " + report);
        assertFalse(report.contains("external-snat-hidden"), report);
        assertNoRuleTo(externalOut, NAT_GATEWAY);
        assertFalse(Files.readString(nodeOut.resolve("report.md")).contains("external-snat"));
    }

    private static void assertNoRuleTo(Path out, String address) throws IOException {
        try (var files = Files.walk(out.resolve("networkpolicies"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertFalse(Files.readString(f).contains("cidr: \"" + address + "/"), f + " allows the NAT gateway itself");
            }
        }
    }
}
