package io.flowpol.ingest.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.InputException;
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
 * netpol-analyzer's fatal-error-cases.json: inputs its analyzer rejects. The policy reader must
 * reject the Kubernetes-NetworkPolicy ones with an InputException naming the file and field;
 * upstream's message texts are not compared (flowpol words its own). Cases about kinds flowpol
 * does not evaluate are left out and counted; the inputs flowpol accepts on purpose are
 * asserted as known differences, so that a change in either direction shows.
 */
@ExtendWith(ConformanceSummary.class)
class NetpolAnalyzerFatalErrorTest {
    private static final Path DATA = ConformanceData.root().resolve("netpol-analyzer");

    /** Upstream-only rejections, and why flowpol's policy reader accepts them. */
    private static final Map<String, String> NOT_POLICY_READER_ERRORS = Map.of(
            "bad_netpols/subdir6", "Kubernetes accepts a named port in a rule with an ipBlock peer; the engine"
                    + " lets it match no address, as a named port resolves only against a pod",
            "semanticDiff-same-topologies-illegal-podlist", "same-owner pods with a label gap are a workload-granularity"
                    + " limit of upstream; flowpol evaluates pods",
            "example_pods_w_same_owner_and_labels_gap_with_bad_match_expression", "same-owner pods with a label gap are a"
                    + " workload-granularity limit of upstream; flowpol evaluates pods",
            "bad_path_namespace_with_same_name", "duplicate Namespace objects are the cluster reader's concern, not the policy reader's",
            "example_w_err_pods_w_same_owner_and_labels_gap_anp", "same-owner pods with a label gap are a"
                    + " workload-granularity limit of upstream; flowpol evaluates pods");

    static Stream<Arguments> fatalCases() {
        return cases(false);
    }

    static Stream<Arguments> knownDifferences() {
        return cases(true);
    }

    private static Stream<Arguments> cases(boolean knownDifferences) {
        Map<String, Integer> outOfScope = OutOfScope.start(NetpolAnalyzerFatalErrorTest.class, "cases" + knownDifferences);
        JsonNode dirs = ConformanceData.json(DATA.resolve("manifest.json")).get("testDirs");
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : ConformanceData.json(DATA.resolve("fatal-error-cases.json")).get("cases")) {
            String testDir = c.get("testDir").asText();
            JsonNode dirInfo = dirs.get(testDir);
            String reason = dirInfo == null ? "no such test directory in the manifest"
                    : OutOfScope.features(dirInfo.get("nonNetworkPolicyFeatures"));
            if (reason != null) {
                if (!knownDifferences) {
                    outOfScope.merge(reason, 1, Integer::sum);
                }
            } else if (NOT_POLICY_READER_ERRORS.containsKey(testDir) == knownDifferences) {
                cases.add(Arguments.of(testDir, c));
            }
        }
        return cases.stream();
    }

    /** Upstream rejects these; flowpol's policy reader accepts them, for the reason given. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("knownDifferences")
    void knownDifferenceIsAcceptedByThePolicyReader(String testDir, JsonNode c) {
        Path dir = DATA.resolve("tests").resolve(testDir);
        assertDoesNotThrow(() -> new PolicyReader().read(List.of(dir)), NOT_POLICY_READER_ERRORS.get(testDir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fatalCases")
    void invalidPolicyInputIsRejected(String testDir, JsonNode c) {
        Path dir = DATA.resolve("tests").resolve(testDir);

        InputException e = assertThrows(InputException.class, () -> new PolicyReader().read(List.of(dir)));

        assertTrue(e.problem().file().startsWith(dir.toString()), e.getMessage());
        assertNotNull(e.problem().field(), e.getMessage());
    }
}
