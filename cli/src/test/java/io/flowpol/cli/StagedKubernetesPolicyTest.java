package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code StagedKubernetesNetworkPolicy} (what {@code generate --dialect kubernetes --staged}
 * writes) is read by {@code verify} and {@code diff} as a staged policy: evaluated as the
 * NetworkPolicy it stages, reported as what it would deny, never enforced (issue 16 item 3).
 */
class StagedKubernetesPolicyTest {
    private static final Path LOGS = Cli.DEMO.resolve("flowlogs/v5");
    private static final Path RECORDING = Cli.DEMO.resolve("recording.jsonl");

    @TempDir
    Path tmp;
    private Path staged;
    private Path enforced;

    /** A high --min-connections leaves the demo's rare edges out: enforced, the set denies them. */
    @BeforeEach
    void generate() {
        staged = tmp.resolve("staged");
        enforced = tmp.resolve("enforced");
        for (Path out : List.of(staged, enforced)) {
            Cli.Result r = Cli.run(out == staged
                    ? new String[] {"generate", "--flow-logs", LOGS.toString(), "--cluster", RECORDING.toString(),
                            "--out", out.toString(), "--dialect", "kubernetes", "--min-connections", "100", "--staged"}
                    : new String[] {"generate", "--flow-logs", LOGS.toString(), "--cluster", RECORDING.toString(),
                            "--out", out.toString(), "--dialect", "kubernetes", "--min-connections", "100"});
            assertEquals(0, r.exitCode(), r.toString());
        }
    }

    private static Cli.Result verify(Path policies) {
        return Cli.run("verify", "--policies", policies.resolve("networkpolicies").toString(),
                policies.resolve("globalnetworkpolicies").toString(), "--flow-logs", LOGS.toString(),
                "--cluster", RECORDING.toString(), "--verbose");
    }

    /** The edge lines ({@code client -> server PROTO/port (N connections)}) after a label. */
    private static List<String> edges(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label)).map(l -> l.substring(label.length()).strip()).sorted().toList();
    }

    @Test
    void verifyReportsWhatTheStagedSetWouldDenyAsTheEnforcedSetDeniesIt() throws IOException {
        assertTrue(Files.readString(staged.resolve("networkpolicies/shop/cart.yaml"))
                .contains("kind: StagedKubernetesNetworkPolicy"));
        Cli.Result enforcedRun = verify(enforced);
        assertEquals(3, enforcedRun.exitCode(), enforcedRun.toString());
        List<String> denied = edges(enforcedRun.out(), "DENIED ");
        assertFalse(denied.isEmpty(), enforcedRun.out());

        Cli.Result stagedRun = verify(staged);
        assertEquals(0, stagedRun.exitCode(), "staged policies are not enforced\n" + stagedRun);
        assertFalse(stagedRun.out().contains("flowpol: ignored"), "read, not ignored\n" + stagedRun.out());
        assertEquals(denied, edges(stagedRun.out(), "WOULD DENY (staged)"), stagedRun.out());
        assertFalse(stagedRun.out().contains("DENIED "), stagedRun.out());
        assertTrue(stagedRun.out().contains("default deny: selected by StagedKubernetesNetworkPolicy/"), stagedRun.out());
        assertTrue(stagedRun.out().contains("; " + denied.size() + " would be denied"), stagedRun.out());
    }

    @Test
    void diffShowsTheStagedKubernetesSetUnderStagedToEnforced() throws IOException {
        Path none = Files.createDirectories(tmp.resolve("none"));
        Cli.Result diff = Cli.run("diff", "--current", none.toString(), "--proposed",
                staged.resolve("networkpolicies").toString(), "--flow-logs", LOGS.toString(), "--cluster",
                RECORDING.toString());
        assertEquals(0, diff.exitCode(), diff.toString());
        assertTrue(diff.out().contains("Staged -> enforced"), diff.out());
        assertTrue(diff.out().contains("proposed: allowed now, denied once its staged policies are enforced"), diff.out());
        // the structural diff compares the staged documents as policies
        assertTrue(diff.out().contains("StagedKubernetesNetworkPolicy/shop/cart"), diff.out());
    }
}
