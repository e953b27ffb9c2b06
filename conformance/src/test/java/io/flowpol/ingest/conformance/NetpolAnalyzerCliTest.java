package io.flowpol.ingest.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * The {@code cliCases} of manifest.json (upstream's command tests): their arguments read as the
 * {@code list} and {@code diff} suites' options and checked the same way. Options flowpol's
 * evaluator has no counterpart for are left out and counted; an input upstream reads past a
 * YAML syntax error in is asserted as a known difference (flowpol rejects it).
 */
@ExtendWith(ConformanceSummary.class)
class NetpolAnalyzerCliTest {
    private static final Path DATA = ConformanceData.root().resolve("netpol-analyzer");

    /** A case, its focus workloads, and its output format, as its arguments say. */
    record CliCase(JsonNode c, List<String> dirs, List<String> focus, String format) {
    }

    static Stream<Arguments> cliCases() {
        return cases(false);
    }

    static Stream<Arguments> syntaxErrorCases() {
        return cases(true);
    }

    private static Stream<Arguments> cases(boolean syntaxErrors) {
        Map<String, Integer> outOfScope = OutOfScope.start(NetpolAnalyzerCliTest.class, "cases" + syntaxErrors);
        JsonNode manifest = ConformanceData.json(DATA.resolve("manifest.json"));
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : manifest.get("cliCases")) {
            List<String> focus = new ArrayList<>();
            String format = "txt";
            String reason = null;
            List<String> dirs = new ArrayList<>();
            JsonNode args = c.get("cliArgs");
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i).asText();
                switch (arg) {
                    case "--dirpath", "--dir1", "--dir2" -> dirs.add(args.get(++i).asText().replace("<tests>/", ""));
                    case "--focusworkload" -> focus.addAll(List.of(args.get(++i).asText().split(",")));
                    case "--output", "-o" -> format = args.get(++i).asText();
                    case "--multiple-networks=0" -> {
                        // the default: no user-defined networks
                    }
                    default -> {
                        reason = "option " + arg + " is not modelled";
                        if (i + 1 < args.size() && !args.get(i + 1).asText().startsWith("-")) {
                            i++; // its value
                        }
                    }
                }
            }
            for (String dir : dirs) {
                String features = OutOfScope.features(manifest.get("testDirs").get(dir).get("nonNetworkPolicyFeatures"));
                reason = reason != null ? reason : features;
            }
            if (reason != null) {
                if (!syntaxErrors) {
                    outOfScope.merge(reason, 1, Integer::sum);
                }
                continue;
            }
            boolean syntaxError = dirs.stream().anyMatch(d -> !manifest.get("testDirs").get(d).get("strictYamlParseIssues").isEmpty());
            if (syntaxError == syntaxErrors) {
                cases.add(Arguments.of(c.get("id").asText() + " " + String.join(" ", dirs), new CliCase(c, dirs, focus, format)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cliCases")
    void commandOutputMatchesNetpolAnalyzer(String name, CliCase cli) {
        JsonNode c = cli.c();
        if (c.get("command").asText().equals("diff")) {
            NetpolAnalyzerDiffTest.check(c);
            return;
        }
        ArrayNode focus = JsonNodeFactory.instance.arrayNode();
        cli.focus().forEach(focus::add);
        NetpolAnalyzerConnlistTest.check(c.get("testDir").asText(), focus, cli.format(),
                DATA.resolve(c.get("expectedOutput").asText()));
    }

    /**
     * A known difference, asserted: upstream skips a document with a YAML syntax error and goes
     * on; flowpol rejects the input (a policy it did not read could be the one that denies).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrorCases")
    void anInputWithASyntaxErrorIsRejected(String name, CliCase cli) {
        List<Path> dirs = cli.dirs().stream().map(d -> DATA.resolve("tests").resolve(d)).toList();
        assertThrows(InputException.class, () -> new PolicyReader().read(dirs));
    }
}
