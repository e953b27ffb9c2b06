package io.flowpol.ingest.conformance;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * netpol-analyzer's fatal-error-cases.json: inputs its analyzer rejects. The policy reader must
 * reject the Kubernetes-NetworkPolicy ones with an InputException naming the file and field;
 * upstream's message texts are not compared (flowpol words its own). Cases about other kinds,
 * or about inputs Kubernetes itself accepts, are aborted with the reason.
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
            "bad_path_namespace_with_same_name", "duplicate Namespace objects are the cluster reader's concern, not the policy reader's");

    static Stream<Arguments> fatalCases() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : ConformanceData.json(DATA.resolve("fatal-error-cases.json")).get("cases")) {
            cases.add(Arguments.of(c.get("testDir").asText(), c));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fatalCases")
    void invalidPolicyInputIsRejected(String testDir, JsonNode c) {
        JsonNode dirInfo = ConformanceData.json(DATA.resolve("manifest.json")).get("testDirs").get(testDir);
        Assumptions.assumeTrue(dirInfo != null && dirInfo.get("k8sNetworkPolicyOnly").asBoolean(),
                () -> "uses " + (dirInfo == null ? "?" : dirInfo.get("nonNetworkPolicyFeatures")) + " (not Kubernetes NetworkPolicy)");
        Assumptions.assumeTrue(!NOT_POLICY_READER_ERRORS.containsKey(testDir), () -> NOT_POLICY_READER_ERRORS.get(testDir));
        Path dir = DATA.resolve("tests").resolve(testDir);

        InputException e = assertThrows(InputException.class, () -> new PolicyReader().read(List.of(dir)));

        assertTrue(e.problem().file().startsWith(dir.toString()), e.getMessage());
        assertNotNull(e.problem().field(), e.getMessage());
    }
}
