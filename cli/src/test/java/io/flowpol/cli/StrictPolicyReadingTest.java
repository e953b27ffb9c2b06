package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub issue 12, item 12: verify and diff warn about a policy file's unknown fields; --strict fails. */
class StrictPolicyReadingTest {
    /** {@code form:} for {@code from:}: the rule reads as "from anywhere". */
    private static final String TYPO = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: catalog-in, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: catalog}}
              ingress:
              - form:
                - podSelector: {matchLabels: {app: frontend}}
            """;
    private static final String WARNING = "flowpol: warning: %s:7: document 1: spec.ingress[0].form: expected one of from, "
            + "ports, found \"form\" (did you mean \"from\"?), an unknown field, which flowpol ignores";

    @TempDir
    Path tmp;
    private Path policies;
    private Path file;

    @BeforeEach
    void write() throws IOException {
        policies = Files.createDirectories(tmp.resolve("policies"));
        file = Files.writeString(policies.resolve("catalog.yaml"), TYPO);
    }

    private Cli.Result verify(String... extra) {
        String[] args = {"verify", "--policies", policies.toString(), "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(),
            "--cluster", Cli.DEMO.resolve("recording.jsonl").toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return Cli.run(all);
    }

    @Test
    void verifyWarnsWithFileLineDocumentAndFieldAndGoesOn() {
        Cli.Result r = verify();

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains(String.format(WARNING, file) + "\n"), r.err());
        assertTrue(r.out().contains("observed edges allowed by 1 NetworkPolicies"), r.out());
    }

    @Test
    void verifyStrictExitsOneWithTheWarningAsTheErrorBeforeReadingFlowLogs() {
        Cli.Result r = verify("--strict");

        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("flowpol: error: " + file + ":7: document 1: spec.ingress[0].form: expected one of from, ports, found \"form\" "
                + "(did you mean \"from\"?), an unknown field, which flowpol ignores; --strict makes this an error\n", r.err());
        assertFalse(r.out().contains("observed edges"), r.out());
    }

    @Test
    void diffWarnsAboutEitherSideAndStrictFails() throws IOException {
        Path proposed = Files.createDirectories(tmp.resolve("proposed"));
        Files.writeString(proposed.resolve("catalog.yaml"), TYPO.replace("form:", "from:"));

        Cli.Result warned = Cli.run("diff", "--current", policies.toString(), "--proposed", proposed.toString());
        Cli.Result strict = Cli.run("diff", "--current", policies.toString(), "--proposed", proposed.toString(), "--strict");

        assertEquals(0, warned.exitCode(), warned.toString());
        assertTrue(warned.err().contains(String.format(WARNING, file)), warned.err());
        assertEquals(1, strict.exitCode(), strict.toString());
        assertTrue(strict.err().startsWith("flowpol: error: " + file + ":7: document 1: spec.ingress[0].form"), strict.err());
        assertEquals("", strict.out());
    }
}
