package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 3 on the demo: report.md lists what the generated policies allow beyond the
 * observed edges. flowpol's rules are exact between observed ends, so nothing is unexpected; the
 * DNS exception and the SNAT candidates are listed apart, with their peer kind and size.
 */
class BeyondObservedReportTest {
    @TempDir
    Path tmp;

    @Test
    void demoReportListsOnlyTheConfiguredExceptionsBeyondWhatWasObserved() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs").resolve("v5").toString(),
                "--cluster", Cli.DEMO.resolve("recording.jsonl").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        String report = Files.readString(out.resolve("report.md"));
        String section = report.substring(report.indexOf("## Allowed beyond what was observed"),
                report.indexOf("## Coverage"));

        assertTrue(report.contains("| allowed beyond what was observed: unexpected | 0 |"), report);
        assertTrue(section.contains("Nothing unexpected: every rule allows exactly what was observed."), section);
        List<String> rows = section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| workload") && !l.startsWith("| ---")).toList();
        assertTrue(rows.stream().allMatch(l -> l.endsWith("| SNAT candidate: sender not identified |")
                || l.endsWith("| DNS to kube-dns: allowed to every pod |")), section);
        assertTrue(report.contains("| allowed beyond what was observed: expected exceptions | " + rows.size() + " |"), report);
        // hourly-report resolved names over UDP only: TCP 53 is the default deny's exception
        assertTrue(rows.contains("| ops/CronJob/hourly-report | egress to | namespace kube-system: coredns | other namespaces "
                + "| TCP 53,UDP 53 (unobserved: TCP 53) | 1 workload x 1 port | 3 connections "
                + "| DNS to kube-dns: allowed to every pod |"), section);
        // cart was a candidate on the node behind both external addresses, never identified as the sender
        assertTrue(rows.contains("| shop/Deployment/cart | egress to | 198.51.100.23/32, 203.0.113.80/32 | the internet "
                + "| TCP 443 | 2 addresses x 1 port | never: 0 connections | SNAT candidate: sender not identified |"), section);
        assertTrue(rows.contains("| data/StatefulSet/postgres | egress to | 203.0.113.80/32 | the internet "
                + "| TCP 443 | 1 address x 1 port | never: 0 connections | SNAT candidate: sender not identified |"), section);
        assertTrue(rows.stream().noneMatch(l -> l.startsWith("| kube-system/")),
                "kube-system gets no policy from flowpol: its openness is not the generated set's doing");
    }
}
