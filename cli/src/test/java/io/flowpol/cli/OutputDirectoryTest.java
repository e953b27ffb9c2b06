package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --out} may replace, checked before any input is read (issue 12 items 2 and 10, and
 * the root and mode findings of items 11/12): the real CLI, exit code, stderr and the file system.
 */
class OutputDirectoryTest {
    private static final String FLOW_LOGS = Cli.DEMO.resolve("flowlogs/v5").toString();
    private static final String RECORDING = Cli.DEMO.resolve("recording.jsonl").toString();

    @TempDir
    Path tmp;

    private static Cli.Result generate(Path out, String flowLogs) {
        return Cli.run("generate", "--flow-logs", flowLogs, "--cluster", RECORDING, "--out", out.toString());
    }

    private static String firstLine(Cli.Result r, int exit, String... mentions) {
        assertEquals(exit, r.exitCode(), r.toString());
        String line = r.err().lines().findFirst().orElse("");
        assertTrue(line.startsWith("flowpol: error: "), r.toString());
        for (String m : mentions) {
            assertTrue(line.contains(m), "'" + m + "' in " + line);
        }
        assertFalse(r.err().contains("java.") || r.err().contains("Exception"), "no Java internals: " + r.err());
        return line;
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aHandWrittenKustomizationIsRefusedBeforeAnyInputIsRead() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("kustomization.yaml"), "resources: [mine.yaml]\n");

        // the flow logs do not exist: --out is named first because it is checked first
        firstLine(generate(out, tmp.resolve("no-such-logs").toString()), 1, out.toString(), "--out:",
                "kustomization.yaml, which flowpol did not write");

        assertEquals("resources: [mine.yaml]\n", Files.readString(out.resolve("kustomization.yaml")));
    }

    @Test
    void aForeignPolicyInFlowpolNamedDirectoriesIsNotDeleted() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out/networkpolicies/prod")).getParent().getParent();
        Files.writeString(out.resolve("networkpolicies/prod/precious.yaml"), "kind: NetworkPolicy\n");
        Files.writeString(out.resolve("report.md"), "# notes\n");

        firstLine(generate(out, FLOW_LOGS), 1, "--out:", "networkpolicies/prod/precious.yaml");

        assertEquals("kind: NetworkPolicy\n", Files.readString(out.resolve("networkpolicies/prod/precious.yaml")));
        assertEquals(List.of("out"), names(tmp), "nothing written beside it");
    }

    @Test
    void learnChecksTheOutputBeforeRecordingAWindow() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine\n");

        firstLine(Cli.run("learn", "--window", "1h", "--flow-logs", FLOW_LOGS, "--kubeconfig",
                tmp.resolve("no-kubeconfig").toString(), "--state", tmp.resolve("state").toString(),
                "--out", out.toString()), 1, "--out:", "notes.txt");

        assertFalse(Files.exists(tmp.resolve("state")), "nothing recorded");
    }

    @Test
    void theRootIsAUsageErrorNamingTheFlag() {
        String line = firstLine(generate(Path.of("/"), FLOW_LOGS), 2, "--out");

        assertEquals("flowpol: error: --out: expected a directory below the file-system root, found /", line);
    }

    @Test
    void aSymbolicLinkedOutputStaysALink() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("out"), Path.of("real/policies"));
        assertEquals(0, generate(link, FLOW_LOGS).exitCode());

        Cli.Result again = generate(link, FLOW_LOGS);

        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(Files.isSymbolicLink(link), "still a link");
        assertTrue(Files.isRegularFile(real.resolve("policies/kustomization.yaml")));
        assertEquals(List.of("out", "real"), names(tmp));
        assertEquals(List.of("policies"), names(real), "no temporary directory left beside the target");
    }

    @Test
    void aSwapKilledBetweenItsRenamesIsRolledBackByTheNextRunEvenIfThatOneFails() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, generate(out, FLOW_LOGS).exitCode());
        String report = Files.readString(out.resolve("report.md"));
        // a kill after the first rename leaves the previous output as .out.flowpol-old, the new one unswapped
        Files.move(out, tmp.resolve(".out.flowpol-old"));
        Files.createDirectories(tmp.resolve(".out.flowpol-new"));
        Files.writeString(tmp.resolve(".out.flowpol-new/report.md"), "# complete but never swapped in\n");

        firstLine(generate(out, tmp.resolve("no-such-logs").toString()), 1, "no-such-logs");

        assertEquals(report, Files.readString(out.resolve("report.md")), "the previous output is back");
        assertEquals(List.of("out"), names(tmp));
    }

    @Test
    void theOutputDirectoryGetsTheUmaskModeNot0700() throws IOException {
        Path reference = Files.createDirectory(tmp.resolve("made-like-mkdir"));
        Path out = tmp.resolve("out");

        assertEquals(0, generate(out, FLOW_LOGS).exitCode());

        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out));
    }

    @Test
    void aTemplateCannotRunACommand() throws IOException {
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Path marker = tmp.resolve("pwned");
        Files.writeString(templates.resolve("report.md.ftl"), "<#assign ex = \"freemarker.template.utility.Execute\"?new()>"
                + "${ex(\"touch " + marker + "\")}\n");

        Cli.Result r = Cli.run("generate", "--flow-logs", FLOW_LOGS, "--cluster", RECORDING, "--templates",
                templates.toString(), "--out", tmp.resolve("out").toString());

        assertFalse(Files.exists(marker), "the template ran a command");
        String line = firstLine(r, 1, "report.md.ftl:1: ");
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), line);
    }
}
