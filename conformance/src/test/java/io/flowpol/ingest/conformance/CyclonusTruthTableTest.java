package io.flowpol.ingest.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.ingest.policy.PolicyReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cyclonus's simple example (conformance/cyclonus/README.md): 7 policies, 9 pods, and the
 * ingress / egress / combined truth tables of three probes, plus 4 single-traffic verdicts.
 */
@ExtendWith(ConformanceSummary.class)
class CyclonusTruthTableTest {
    private static final Path DATA = ConformanceData.root().resolve("cyclonus");
    private static final PolicyEngine ENGINE = new PolicyEngine(
            new PolicyReader().read(List.of(DATA.resolve("networkpolicies/simple-example"))).policies(), null);

    static Stream<Arguments> tables() {
        Map<String, Integer> outOfScope = OutOfScope.start(CyclonusTruthTableTest.class, "tables");
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode probe : ConformanceData.json(DATA.resolve("expected-truth-tables.json")).get("probes")) {
            for (String table : List.of("ingress", "egress", "combined")) {
                if (!hasVerdict(probe.get(table))) {
                    // Cyclonus marks a port no pod serves as invalid in every cell: nothing to compare.
                    outOfScope.merge("every cell is invalidportprotocol (no pod serves this port)", 1, Integer::sum);
                    continue;
                }
                cases.add(Arguments.of(probe.get("protocol").asText() + " " + probe.get("port").asInt() + " " + table, probe, table));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void truthTableMatchesCyclonus(String name, JsonNode probe, String table) {
        Map<String, EvalEndpoint> pods = pods(ConformanceData.json(DATA.resolve("examples/probe.json")).get("Resources"));
        int protocol = Protocol.parse(probe.get("protocol").asText());
        int port = probe.get("port").asInt();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (JsonNode cell : probe.get(table)) {
            String result = cell.get("result").asText();
            if (!result.equals("allowed") && !result.equals("blocked")) {
                continue;
            }
            checked++;
            Connection c = new Connection(pods.get(cell.get("src").asText()), pods.get(cell.get("dst").asText()), protocol, port);
            boolean allowed = switch (table) {
                case "ingress" -> ENGINE.decide(PolicyType.INGRESS, c, false).allowed();
                case "egress" -> ENGINE.decide(PolicyType.EGRESS, c, false).allowed();
                default -> ENGINE.allows(c).allowed();
            };
            if (allowed != result.equals("allowed")) {
                mismatches.add(cell.get("src").asText() + " -> " + cell.get("dst").asText() + ": expected " + result);
            }
        }
        assertTrue(checked > 0, "a table with a verdict was compared");
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " cells differ: " + mismatches);
    }

    private static boolean hasVerdict(JsonNode cells) {
        for (JsonNode cell : cells) {
            String result = cell.get("result").asText();
            if (result.equals("allowed") || result.equals("blocked")) {
                return true;
            }
        }
        return false;
    }

    static Stream<Arguments> verdicts() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode v : ConformanceData.json(DATA.resolve("expected-traffic-verdicts.json")).get("verdicts")) {
            cases.add(Arguments.of("traffic " + v.get("index").asInt(), v.get("traffic"), v.get("allowed").asBoolean()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void trafficVerdictMatchesCyclonus(String name, JsonNode traffic, boolean allowed) {
        List<ContainerPort> served = new ArrayList<>();
        if (traffic.hasNonNull("ResolvedPortName")) {
            served.add(new ContainerPort(traffic.get("ResolvedPortName").asText(), traffic.get("ResolvedPort").asInt(),
                    Protocol.parse(traffic.get("Protocol").asText())));
        }
        Connection c = new Connection(end(traffic.get("Source"), List.of()), end(traffic.get("Destination"), served),
                Protocol.parse(traffic.get("Protocol").asText()), traffic.get("ResolvedPort").asInt());
        assertEquals(allowed, ENGINE.allows(c).allowed(), () -> ENGINE.allows(c).toString());
    }

    private static EvalEndpoint end(JsonNode end, List<ContainerPort> ports) {
        IpAddress ip = end.hasNonNull("IP") ? IpAddress.parse(end.get("IP").asText()) : null;
        JsonNode internal = end.get("Internal");
        if (internal == null) {
            return EvalEndpoint.address(ip);
        }
        return new EvalEndpoint(true, internal.get("Namespace").asText(), null, strings(internal.get("PodLabels")),
                strings(internal.get("NamespaceLabels")), null, ip, ports);
    }

    private static Map<String, EvalEndpoint> pods(JsonNode resources) {
        Map<String, EvalEndpoint> pods = new LinkedHashMap<>();
        for (JsonNode pod : resources.get("Pods")) {
            String namespace = pod.get("Namespace").asText();
            List<ContainerPort> ports = new ArrayList<>();
            for (JsonNode container : pod.get("Containers")) {
                ports.add(new ContainerPort(container.get("PortName").asText(), container.get("Port").asInt(),
                        Protocol.parse(container.get("Protocol").asText())));
            }
            String name = namespace + "/" + pod.get("Name").asText();
            pods.put(name, new EvalEndpoint(true, namespace, name, strings(pod.get("Labels")),
                    strings(resources.get("Namespaces").get(namespace)), null, IpAddress.parse(pod.get("IP").asText()), ports));
        }
        return pods;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
