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

/** Bad input ends with one line naming the problem, the documented exit code, and no output directory. */
class BadInputTest {

    @TempDir
    Path tmp;

    private Cli.Result generate(Path flowLogs, Path recording) {
        return Cli.run("generate", "--flow-logs", flowLogs.toString(), "--cluster", recording.toString(),
                "--out", tmp.resolve("out").toString());
    }

    private void assertOneLineError(Cli.Result r, int exit, String... mentions) {
        assertEquals(exit, r.exitCode(), r.toString());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(0).startsWith("flowpol: error: "), r.toString());
        for (String m : mentions) {
            assertTrue(lines.get(0).contains(m), "'" + m + "' in " + lines.get(0));
        }
        assertFalse(Files.exists(tmp.resolve("out")), "no partial output directory");
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("out")), "no temp directory left");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path firstDemoFile() throws IOException {
        try (Stream<Path> walk = Files.walk(Cli.DEMO.resolve("flowlogs/v5"))) {
            return walk.filter(p -> p.toString().endsWith(".gz")).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void truncatedGzipNamesTheFile() throws IOException {
        byte[] gz = Files.readAllBytes(firstDemoFile());
        Path bad = tmp.resolve("logs/truncated.log.gz");
        Files.createDirectories(bad.getParent());
        Files.write(bad, java.util.Arrays.copyOf(gz, gz.length / 2));
        assertOneLineError(generate(bad, Cli.DEMO.resolve("recording.jsonl")), 1, "truncated.log.gz", "gzip");
    }

    @Test
    void binaryJunkIsNotAFlowLog() throws IOException {
        Path bad = tmp.resolve("junk.bin");
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        junk[3] = 0;
        Files.write(bad, junk);
        assertOneLineError(generate(bad, Cli.DEMO.resolve("recording.jsonl")), 1, "junk.bin");
    }

    @Test
    void aRecordingLineThatIsNotJsonNamesFileAndLine() throws IOException {
        Path recording = tmp.resolve("recording.jsonl");
        List<String> lines = Files.readAllLines(Cli.DEMO.resolve("recording.jsonl"));
        Files.write(recording, List.of(lines.get(0), lines.get(1), "{\"time\": \"2026-11-30T10:00:00Z\", oops", lines.get(2)));
        assertOneLineError(generate(Cli.DEMO.resolve("flowlogs/v5"), recording), 1, "recording.jsonl:3");
    }

    @Test
    void anUnreadablePathIsNamed() {
        assertOneLineError(generate(tmp.resolve("missing"), Cli.DEMO.resolve("recording.jsonl")), 1, "missing");
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        Cli.Result r = Cli.run("generate", "--flow-logs", "x", "--cluster", "y", "--out", tmp.resolve("out").toString(),
                "--frobnicate");
        assertOneLineError(r, 2, "--frobnicate");
        assertTrue(r.err().contains("generate --help"), r.err());
    }

    @Test
    void aMalformedFlowLogLineIsSkippedAndCountedOrFatalWithStrict() throws IOException {
        Path logs = tmp.resolve("logs.txt");
        Files.write(logs, List.of(
                "2 123456789012 eni-0a 10.0.1.5 10.0.2.9 40000 8080 6 10 840 1780000000 1780000060 ACCEPT OK",
                "2 123456789012 eni-0a 10.0.1.5 10.0.2.9 forty 8080 6 10 840 1780000000 1780000060 ACCEPT OK"));
        Cli.Result lenient = generate(logs, Cli.DEMO.resolve("recording.jsonl"));
        assertEquals(0, lenient.exitCode(), lenient.toString());
        assertTrue(lenient.out().contains("1 malformed"), lenient.toString());
        assertTrue(Files.readString(tmp.resolve("out/report.md")).contains("logs.txt:2"), "the report names file:line");
        Cli.Result strict = Cli.run("generate", "--strict", "--flow-logs", logs.toString(), "--cluster",
                Cli.DEMO.resolve("recording.jsonl").toString(), "--out", tmp.resolve("out2").toString());
        assertEquals(1, strict.exitCode(), strict.toString());
        assertTrue(strict.err().startsWith("flowpol: error: " + logs + ":2: srcport"), strict.err());
    }

    @Test
    void anOutputDirectoryFlowpolDidNotWriteIsLeftAlone() throws IOException {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "keep me");
        Cli.Result r = Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster",
                Cli.DEMO.resolve("recording.jsonl").toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("keep me", Files.readString(out.resolve("notes.txt")));
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
