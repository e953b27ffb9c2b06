package io.flowpol.ingest.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.Protocol;
import io.flowpol.ingest.policy.PolicyReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * netpol-analyzer's eval-cases.json: single-connection allow/deny checks, and the pod-level
 * connectivity maps of every ordered pod pair. Cases that need user-defined networks or policy
 * kinds flowpol does not evaluate are left out and counted; those where upstream skips a
 * malformed file are asserted as a known difference (flowpol rejects it).
 */
@ExtendWith(ConformanceSummary.class)
class NetpolAnalyzerEvalTest {
    private static final Path DATA = ConformanceData.root().resolve("netpol-analyzer");
    private static final JsonNode CASES = ConformanceData.json(DATA.resolve("eval-cases.json"));

    static Stream<Arguments> connectionCases() {
        return cases(false);
    }

    /** Cases whose input has a malformed file: upstream skips it and goes on. */
    static Stream<Arguments> malformedInputCases() {
        return cases(true);
    }

    private static Stream<Arguments> cases(boolean malformed) {
        Map<String, Integer> outOfScope = OutOfScope.start(NetpolAnalyzerEvalTest.class, "cases" + malformed);
        JsonNode dirs = ConformanceData.json(DATA.resolve("manifest.json")).get("testDirs");
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : CASES.get("cases")) {
            String reason = c.path("multipleNetworks").asBoolean() ? "user-defined networks are not modelled"
                    : OutOfScope.features(dirs.get(c.get("testDir").asText()).get("nonNetworkPolicyFeatures"));
            if (reason != null) {
                if (!malformed) {
                    outOfScope.merge(reason, 1, Integer::sum);
                }
            } else if (c.has("note") == malformed) {
                cases.add(Arguments.of(c.get("id").asText() + " " + c.get("testDir").asText(), c));
            }
        }
        return cases.stream();
    }

    /** A known difference, asserted: flowpol rejects malformed input as fatal where upstream skips the file. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputCases")
    void aMalformedFileUpstreamSkipsIsRejected(String name, JsonNode c) {
        Path dir = DATA.resolve("tests").resolve(c.get("testDir").asText());
        assertThrows(InputException.class, () -> new PolicyReader().read(List.of(dir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectionCases")
    void connectionVerdictMatchesNetpolAnalyzer(String name, JsonNode c) {
        String testDir = c.get("testDir").asText();
        Path dir = DATA.resolve("tests").resolve(testDir);
        ManifestCluster cluster = ManifestCluster.read(dir);
        PolicyEngine engine = new PolicyEngine(new PolicyReader().read(List.of(dir)).policies(), null);
        EvalEndpoint src = endpoint(cluster, c.get("src"));
        EvalEndpoint dst = endpoint(cluster, c.get("dst"));
        Connection connection = new Connection(src, dst, Protocol.parse(c.get("protocol").asText()), c.get("port").asInt());
        assertEquals(c.get("allowed").asBoolean(), engine.allows(connection).allowed(), () -> engine.allows(connection).toString());
    }

    private static EvalEndpoint endpoint(ManifestCluster cluster, JsonNode end) {
        String namespace = end.get("namespace").asText();
        EvalEndpoint endpoint = end.has("pod") ? cluster.pods().get(namespace + "/" + end.get("pod").asText())
                : cluster.workloads().entrySet().stream()
                        .filter(e -> e.getKey().startsWith(namespace + "/" + end.get("workload").asText() + "["))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
        assertNotNull(endpoint, "no endpoint " + end);
        return endpoint;
    }

    static Stream<Arguments> podMaps() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode map : CASES.get("podLevelConnectivityMaps")) {
            cases.add(Arguments.of(map.get("file").asText(), map));
        }
        return cases.stream();
    }

    /**
     * Every ordered pod pair, a pod to itself included (always every connection, as upstream
     * reports it: policies do not apply to a pod's traffic to itself).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("podMaps")
    void podConnectivityMapMatchesNetpolAnalyzer(String file, JsonNode map) {
        Path dir = DATA.resolve("tests").resolve(map.get("testDir").asText());
        ManifestCluster cluster = ManifestCluster.read(dir);
        PolicyEngine engine = new PolicyEngine(new PolicyReader().read(List.of(dir)).policies(), null);
        String query = map.get("query").asText();
        List<String> actual = new ArrayList<>();
        for (Map.Entry<String, EvalEndpoint> src : cluster.pods().entrySet()) {
            for (Map.Entry<String, EvalEndpoint> dst : cluster.pods().entrySet()) {
                boolean self = src.getKey().equals(dst.getKey());
                String answer;
                if (query.startsWith("boolean check TCP/80")) {
                    answer = Boolean.toString(self || engine.allows(new Connection(src.getValue(), dst.getValue(), Protocol.TCP, 80)).allowed());
                } else {
                    ConnectionSet conns = self ? ConnectionSet.ALL : engine.allowedConnections(src.getValue(), dst.getValue());
                    answer = query.startsWith("boolean") ? Boolean.toString(conns.isAll()) : conns.toString();
                }
                actual.add("src: " + src.getKey() + ", dest: " + dst.getKey() + ", allowed conns: " + answer);
            }
        }
        List<String> expected = new ArrayList<>(ConformanceData.lines(DATA.resolve(file)));
        expected.sort(null);
        actual.sort(null);
        assertTrue(expected.equals(actual), () -> ConformanceData.difference(expected, actual));
    }
}
