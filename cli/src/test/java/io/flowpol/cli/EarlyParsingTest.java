package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local flow logs start parsing before the recording is read: errors keep their old order and stop the parsers. */
class EarlyParsingTest {
    @TempDir
    Path tmp;

    private Path badRecording() throws IOException {
        Path recording = tmp.resolve("recording.jsonl");
        Files.writeString(recording, Files.readString(CliRun.DEMO.resolve("recording.jsonl")).lines().findFirst().orElseThrow()
                + "\nnot json\n", StandardCharsets.UTF_8);
        return recording;
    }

    private static boolean parsersAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("flowpol-flowlog-parser") && t.isAlive());
    }

    @Test
    void aBadRecordingIsReportedAndStopsTheParsersThatHadStarted() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("generate", "--flow-logs", CliRun.DEMO.resolve("flowlogs/v2").toString(),
                "--cluster", badRecording().toString(), "--out", out.toString());

        assertEquals(ExitCodes.FAILURE, run.exit(), run.toString());
        assertTrue(run.err().contains("recording.jsonl:2"), run.toString());
        assertFalse(Files.exists(out));
        assertFalse(parsersAlive(), "no parser thread outlives the command");
    }

    @Test
    void withBothABadRecordingAndMissingFlowLogsTheRecordingIsReportedFirstAsBefore() throws IOException {
        CliRun run = CliRun.of("generate", "--flow-logs", tmp.resolve("no-such-dir").toString(),
                "--cluster", badRecording().toString(), "--out", tmp.resolve("out").toString());

        assertEquals(ExitCodes.FAILURE, run.exit(), run.toString());
        assertTrue(run.err().contains("recording.jsonl:2"), run.toString());
    }

    @Test
    void missingFlowLogsWithAGoodRecordingAreStillReportedByPath() {
        CliRun run = CliRun.of("generate", "--flow-logs", tmp.resolve("no-such-dir").toString(),
                "--cluster", CliRun.DEMO.resolve("recording.jsonl").toString(), "--out", tmp.resolve("out").toString());

        assertEquals(ExitCodes.FAILURE, run.exit(), run.toString());
        assertTrue(run.err().contains("no-such-dir"), run.toString());
    }
}
