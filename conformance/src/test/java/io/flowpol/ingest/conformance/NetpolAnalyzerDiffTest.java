package io.flowpol.ingest.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * netpol-analyzer's {@code diff} cases: both directories evaluated with the same engine and
 * every pair classified, compared line by line with the upstream expected output. Cases using
 * policy kinds flowpol does not evaluate are left out and counted with the reason.
 */
@ExtendWith(ConformanceSummary.class)
class NetpolAnalyzerDiffTest {
    private static final Path DATA = ConformanceData.root().resolve("netpol-analyzer");

    static Stream<Arguments> diffCases() {
        Map<String, Integer> outOfScope = OutOfScope.start(NetpolAnalyzerDiffTest.class, "diffCases");
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : ConformanceData.json(DATA.resolve("manifest.json")).get("diffCases")) {
            String reason = OutOfScope.features(c.get("inputFeatures"));
            if (reason != null) {
                outOfScope.merge(reason, 1, Integer::sum);
                continue;
            }
            cases.add(Arguments.of(c.get("id").asText() + " " + c.get("dir1").asText() + " -> " + c.get("dir2").asText(), c));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("diffCases")
    void connectivityDiffMatchesNetpolAnalyzer(String name, JsonNode c) {
        check(c);
    }

    static void check(JsonNode c) {
        Path dir1 = DATA.resolve("tests").resolve(c.get("dir1").asText());
        Path dir2 = DATA.resolve("tests").resolve(c.get("dir2").asText());
        PolicyReader reader = new PolicyReader();
        List<String> actual = ConnlistDiff.lines(
                ManifestCluster.read(dir1), reader.read(List.of(dir1)).policies(),
                ManifestCluster.read(dir2), reader.read(List.of(dir2)).policies(),
                c.get("refNames").get(0).asText(), c.get("refNames").get(1).asText());
        List<String> expected = ConformanceData.lines(DATA.resolve(c.get("expectedOutput").asText()));
        assertTrue(expected.equals(actual), () -> ConformanceData.difference(expected, actual));
    }
}
