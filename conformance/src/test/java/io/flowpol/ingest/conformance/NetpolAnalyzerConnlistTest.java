package io.flowpol.ingest.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.policy.PolicySet;
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
 * Every netpol-analyzer {@code list} case of manifest.json. Checked: Kubernetes NetworkPolicy,
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy, no exposure or explain option, at most a
 * focus workload, txt or json output; the connectivity of every workload pair and IP peer is
 * compared line by line with the upstream expected output. Every other case is left out of
 * the test list and counted with its reason ({@link OutOfScope}).
 */
@ExtendWith(ConformanceSummary.class)
class NetpolAnalyzerConnlistTest {
    private static final Path DATA = ConformanceData.root().resolve("netpol-analyzer");

    static Stream<Arguments> listCases() {
        Map<String, Integer> outOfScope = OutOfScope.start(NetpolAnalyzerConnlistTest.class, "listCases");
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : ConformanceData.json(DATA.resolve("manifest.json")).get("listCases")) {
            String reason = unsupported(c);
            if (reason != null) {
                outOfScope.merge(reason, 1, Integer::sum);
                continue;
            }
            cases.add(Arguments.of(c.get("id").asText() + " " + c.get("testDir").asText()
                    + " (" + c.get("outputFormat").asText() + ")", c));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listCases")
    void connectivityListMatchesNetpolAnalyzer(String name, JsonNode c) {
        check(c.get("testDir").asText(), c.get("focusWorkloads"), c.get("outputFormat").asText(),
                DATA.resolve(c.get("expectedOutput").asText()));
    }

    static void check(String testDir, JsonNode focusWorkloads, String format, Path expectedFile) {
        Path dir = DATA.resolve("tests").resolve(testDir);
        PolicySet policies = new PolicyReader().read(List.of(dir)).policies();
        List<String> actual = focus(Connlist.lines(ManifestCluster.read(dir), policies), focusWorkloads);
        List<String> expected = "json".equals(format)
                ? jsonLines(ConformanceData.json(expectedFile)) : ConformanceData.lines(expectedFile);
        assertTrue(expected.equals(actual), () -> ConformanceData.difference(expected, actual));
    }

    /** With {@code --focusworkload}: only lines with one of the workloads ({@code name} or {@code ns/name}) at an end. */
    private static List<String> focus(List<String> lines, JsonNode workloads) {
        if (workloads.isEmpty()) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] ends = line.substring(0, line.indexOf(" : ")).split(" => ");
            for (JsonNode w : workloads) {
                if (isWorkload(ends[0], w.asText()) || isWorkload(ends[1], w.asText())) {
                    out.add(line);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean isWorkload(String peer, String focus) {
        int bracket = peer.indexOf('[');
        String qualified = bracket < 0 ? peer : peer.substring(0, bracket);
        return qualified.equals(focus) || qualified.substring(qualified.indexOf('/') + 1).equals(focus);
    }

    /** The json report as txt lines: same records, same order. */
    private static List<String> jsonLines(JsonNode report) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : report) {
            lines.add(line.get("src").asText() + " => " + line.get("dst").asText() + " : " + line.get("conn").asText());
        }
        return lines;
    }

    /** Why a case is outside what this suite checks, or null when it is checked. */
    static String unsupported(JsonNode c) {
        String features = OutOfScope.features(c.get("inputFeatures"));
        if (features != null) {
            return features;
        }
        if (c.get("exposure").asBoolean()) {
            return "exposure analysis output is not modelled";
        }
        if (c.get("explain").asBoolean()) {
            return "explain output is not modelled";
        }
        if (!c.get("focusWorkloadPeers").isEmpty() || !c.get("focusDirection").asText().isEmpty()
                || !c.get("focusConn").asText().isEmpty()) {
            return "focus-workload-peer, focus-direction and focus-conn options are not modelled";
        }
        String format = c.get("outputFormat").asText();
        if (!format.equals("txt") && !format.equals("json")) {
            return "output format " + format + " is not modelled";
        }
        return null;
    }
}
