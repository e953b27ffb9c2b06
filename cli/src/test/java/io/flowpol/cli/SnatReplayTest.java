package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 3: {@code verify} and {@code diff} show which SNAT-ed connections a policy set
 * would deny. On the demo the payment API (198.51.100.23) is reached by payment only (the
 * generator's truth); its connections leave from a node address with every workload on that node
 * as candidate. A set that denies payment there can deny each of them (none is "allowed whichever
 * candidate sent it"); a set that allows payment denies none of them whoever else is denied.
 */
class SnatReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYMENT_API = "198.51.100.23";

    @TempDir
    static Path tmp;
    private static final Map<String, Path> outputs = new HashMap<>();

    @BeforeAll
    static void generate() {
        for (String mode : new String[] {"allow-candidates", "common-candidates", "report-only"}) {
            Path out = tmp.resolve(mode);
            Cli.Result r = Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster",
                    Cli.DEMO.resolve("recording.jsonl").toString(), "--out", out.toString(), "--snat-egress", mode);
            assertEquals(0, r.exitCode(), r.toString());
            outputs.put(mode, out);
        }
    }

    private static Cli.Result verify(String mode) {
        return Cli.run("verify", "--policies", outputs.get(mode).toString(), "--flow-logs",
                Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster", Cli.DEMO.resolve("recording.jsonl").toString());
    }

    private static Cli.Result diff(String current, String proposed, String format) {
        return Cli.run("diff", "--current", outputs.get(current).toString(), "--proposed",
                outputs.get(proposed).toString(), "-o", format, "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(),
                "--cluster", Cli.DEMO.resolve("recording.jsonl").toString());
    }

    private static JsonNode row(Cli.Result diff, String destination) throws IOException {
        for (JsonNode row : JSON.readTree(diff.out()).path("snatEgress")) {
            if (row.path("destination").asText().equals(destination)) {
                return row;
            }
        }
        throw new AssertionError("no SNAT row for " + destination + ": " + diff.out());
    }

    @Test
    void verifyListsNoSnatDenialForAllowCandidates() {
        Cli.Result r = verify("allow-candidates");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("flowpol: SNAT-ed egress: ") && r.out().contains(
                " destinations, every one allowed whichever candidate sent it"), r.out());
        assertFalse(r.out().contains("SNAT-ed egress the policies may deny"), r.out());
    }

    @Test
    void verifyShowsTheCandidatesAReportOnlySetDeniesWithoutFailingTheRun() {
        Cli.Result r = verify("report-only");
        assertEquals(0, r.exitCode(), "SNAT-ed egress never changes the exit code: " + r);
        String out = r.out();
        assertTrue(out.contains("SNAT-ed egress the policies may deny (2 of 2 destinations"), out);
        String line = out.lines().filter(l -> l.startsWith("  " + PAYMENT_API + " TCP/443: ")).findFirst().orElseThrow();
        String candidates = out.lines().dropWhile(l -> !l.equals(line)).skip(2).findFirst().orElseThrow();
        assertTrue(candidates.contains("shop/Deployment/payment denied"), candidates);
        assertTrue(candidates.contains("hostNetwork, no pod policy applies: kube-system/DaemonSet/aws-node"), candidates);
    }

    @Test
    void aSetDenyingTheTrueSenderMayDenyEveryConnectionOneAllowingItDeniesNone() throws IOException {
        Cli.Result r = diff("allow-candidates", "report-only", "json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode denied = row(r, PAYMENT_API);
        assertEquals("ALL", denied.path("before").asText());
        assertEquals("denied", denied.path("candidates").path("shop/Deployment/payment").asText());
        long connections = denied.path("connections").asLong();
        assertEquals(connections, denied.path("allowedFromAll").asLong() + denied.path("allowedFromSome").asLong()
                + denied.path("allowedFromNone").asLong() + denied.path("noPodCandidate").asLong());
        assertEquals(0, denied.path("allowedFromAll").asLong(), "payment, denied, is a candidate of every connection");
        assertEquals(connections, denied.path("allowedFromSome").asLong() + denied.path("allowedFromNone").asLong());

        JsonNode allowed = row(diff("report-only", "common-candidates", "json"), PAYMENT_API);
        assertEquals("allowed", allowed.path("candidates").path("shop/Deployment/payment").asText());
        assertEquals(0, allowed.path("allowedFromNone").asLong(), "the true sender is allowed: " + allowed);
        assertTrue(allowed.path("candidates").toString().contains("denied"),
                "common-candidates denies some non-sender candidate: " + allowed);
    }

    @Test
    void theTextAndMarkdownDiffListTheRowsTheProposalMayDeny() {
        Cli.Result text = diff("allow-candidates", "report-only", "text");
        assertTrue(text.out().contains("  SNAT-ed egress destinations the proposal may deny: 2 of 2"), text.out());
        assertTrue(text.out().contains("SNAT-ed egress (the sender hides behind a node address"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("  " + PAYMENT_API + " TCP/443: ")
                && l.endsWith("(now allowed from every candidate (5))")), text.out());
        Cli.Result markdown = diff("allow-candidates", "report-only", "markdown");
        assertTrue(markdown.out().contains("| SNAT-ed egress destinations the proposal may deny | 2 of 2 |"),
                markdown.out());
        assertTrue(markdown.out().contains("### SNAT-ed egress (2)"), markdown.out());
        Cli.Result same = diff("allow-candidates", "allow-candidates", "text");
        assertTrue(same.out().contains("SNAT-ed egress destinations the proposal may deny: 0 of 2"), same.out());
        assertFalse(same.out().contains("SNAT-ed egress (the sender"), same.out());
    }
}
