package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edges left out on purpose ({@code --min-connections}) are not a broken invariant (issue 12
 * item 6): the self-check replays what was meant to be allowed, and the report lists the rest.
 */
class LeftOutEdgesTest {
    private static final String V5 = CliRun.DEMO.resolve("flowlogs/v5").toString();
    private static final String RECORDING = CliRun.DEMO.resolve("recording.jsonl").toString();

    @TempDir
    Path tmp;

    @Test
    void generateWithMinConnectionsTwoSucceedsAndListsTheLeftOutEdges() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("generate", "--flow-logs", V5, "--cluster", RECORDING, "--out", out.toString(),
                "--min-connections", "2");

        assertEquals(0, run.exit(), run.err());
        assertFalse(run.err().contains("flowpol bug"), run.err());
        PolicyOutput.assertSchemaValid(out);
        String report = Files.readString(out.resolve("report.md"));
        // The demo's checkout called payment once: below the minimum, so left out and listed, not allowed.
        String leftOut = section(report, "### Left out: fewer connections than the minimum");
        assertTrue(leftOut.contains("| shop/Deployment/checkout | shop/Deployment/payment | TCP 50051"), leftOut);
        assertTrue(Integer.parseInt(summaryCount(report, "edges left out (too few connections)")) >= 1, report);
        assertFalse(Files.readString(out.resolve("networkpolicies/shop/payment.yaml")).contains("checkout"),
                "payment must not admit checkout: that edge was left out");
    }

    @Test
    void learnWithMinConnectionsTwoSucceeds() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("learn", "--cluster", RECORDING, "--flow-logs", V5, "--state", tmp.resolve("state").toString(),
                "--out", out.toString(), "--since", "2026-11-30T10:00:00Z", "--until", "2026-11-30T12:00:00Z",
                "--min-connections", "2");

        assertEquals(0, run.exit(), run.err());
        assertTrue(section(Files.readString(out.resolve("report.md")), "### Left out: fewer connections than the minimum")
                .contains("shop/Deployment/payment"));
    }

    @Test
    void theWindowsNodeFindingAppearsOnce() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("generate", "--flow-logs", V5, "--cluster", RECORDING, "--out", out.toString());

        assertEquals(0, run.exit(), run.err());
        String report = Files.readString(out.resolve("report.md"));
        assertEquals(1, count(report, "| windows-node |"), report);
        assertTrue(report.contains("shop/Deployment/invoice"), report);
        assertEquals(1, count(run.err(), "shop/Deployment/invoice runs pods on a Windows node"), run.err());
    }

    /** The text of a report section: from its heading to the next heading. */
    static String section(String report, String heading) {
        int start = report.indexOf(heading);
        assertTrue(start >= 0, "no section " + heading + " in\n" + report);
        int next = report.indexOf("\n#", start + heading.length());
        return report.substring(start, next < 0 ? report.length() : next);
    }

    private static String summaryCount(String report, String row) {
        Matcher m = Pattern.compile("\\| " + Pattern.quote(row) + " \\| (\\d+) \\|").matcher(report);
        assertTrue(m.find(), "no summary row " + row);
        return m.group(1);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
