package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ICMP and other protocols NetworkPolicy cannot express (issue 12 item 5): the demo's v2 flow
 * logs plus the reproducer — frontend pings catalog, ports 0 0, protocol 1, and back —
 * and a GRE exchange from checkout to payment.
 */
class OtherProtocolsTest {
    private static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol"
            + " packets bytes start end action log-status\n";
    private static final String RECORDING = CliRun.DEMO.resolve("recording.jsonl").toString();

    @TempDir
    Path tmp;

    /** The demo's v2 logs with {@code extra} added as one more file. */
    private Path flowLogs(String extra) throws IOException {
        Path logs = tmp.resolve("flowlogs");
        Path demo = CliRun.DEMO.resolve("flowlogs/v2");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = logs.resolve(demo.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(logs.resolve("extra.log"), HEADER + extra);
        return logs;
    }

    @Test
    void icmpBetweenTwoPodsIsAllowedInCalicoAndReportedAsBeyondNetworkPolicy() throws IOException {
        Path logs = flowLogs("""
                2 315946178260 eni-0ef4fd9cea08d7f72 10.0.1.159 10.0.1.114 0 0 1 4 336 1796033110 1796033115 ACCEPT OK
                2 315946178260 eni-0c7da5b397e82c419 10.0.1.114 10.0.1.159 0 0 1 4 336 1796033110 1796033115 ACCEPT OK
                2 315946178260 eni-044bd05e112d9c127 10.0.2.184 10.0.1.97 0 0 47 9 900 1796033200 1796033230 ACCEPT OK
                2 315946178260 eni-038a2a74e894b18d1 10.0.1.97 10.0.2.184 0 0 47 9 900 1796033201 1796033231 ACCEPT OK
                """);
        Path out = tmp.resolve("out");

        CliRun run = CliRun.of("generate", "--flow-logs", logs.toString(), "--cluster", RECORDING, "--out", out.toString());

        assertEquals(0, run.exit(), run.err());
        assertFalse(run.err().contains("flowpol bug"), run.err());
        PolicyOutput.assertSchemaValid(out);
        String report = Files.readString(out.resolve("report.md"));
        String section = LeftOutEdgesTest.section(report, "## Not expressible in Kubernetes NetworkPolicy");
        assertTrue(section.contains("| shop/Deployment/frontend | shop/Deployment/catalog | ICMP | 1 |"), section);
        assertTrue(section.contains("| shop/Deployment/checkout | shop/Deployment/payment | 47 | 1 |"), section);
        assertTrue(section.contains("globalnetworkpolicies/flowpol-allow-other-protocols.yaml"), section);
        assertTrue(section.contains("default deny"), section);
        String calico = Files.readString(out.resolve("globalnetworkpolicies/flowpol-allow-other-protocols.yaml"));
        assertTrue(calico.contains("protocol: ICMP"), calico);
        assertTrue(calico.contains("protocol: 47"), calico);
        // echo requests went frontend -> catalog: catalog's pods may receive ICMP from frontend's, not the reverse
        assertTrue(calico.contains("""
                      source:
                        selector: "projectcalico.org/namespace == 'shop' && app == 'frontend'"
                      destination:
                        selector: "projectcalico.org/namespace == 'shop' && app == 'catalog'"
                """), calico);
        assertFalse(calico.contains("""
                        selector: "projectcalico.org/namespace == 'shop' && app == 'catalog'"
                      destination:
                """), calico);

        CliRun verify = CliRun.of("verify", "--policies", out.toString(), "--flow-logs", logs.toString(),
                "--cluster", RECORDING);
        assertEquals(0, verify.exit(), verify.out() + verify.err());
    }
}
