package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.ingest.state.StateLock;
import io.flowpol.ingest.state.StateStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 3: two {@code learn} runs on one {@code --state} lost a window (no lock, both
 * exited 0, the last writer won). The lock is an OS file lock, so the tests use two real
 * processes: a second JVM started with the test classpath.
 */
class StateLockTest {
    private static final String V5 = CliRun.DEMO.resolve("flowlogs/v5").toString();
    private static final String RECORDING = CliRun.DEMO.resolve("recording.jsonl").toString();

    @TempDir
    Path tmp;

    private static List<String> learnArgs(Path state, Path out) {
        return List.of("learn", "--cluster", RECORDING, "--flow-logs", V5, "--state", state.toString(),
                "--out", out.toString(), "--since", "2026-11-30T10:00:00Z", "--until", "2026-11-30T11:00:00Z");
    }

    private static ProcessBuilder java(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    @Test
    void aSecondRunOnTheSameStateFailsAtOnceNamingTheHolder() throws Exception {
        Path state = tmp.resolve("state");
        Instant start = Instant.parse("2026-12-06T19:30:00Z");
        try (StateLock held = StateLock.acquire(state, start)) {
            Process second = java(Main.class.getName(), learnArgs(state, tmp.resolve("out")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, second.waitFor(), err);
            List<String> lines = err.lines().toList();
            assertEquals(1, lines.size(), err);
            String line = lines.get(0);
            assertTrue(line.startsWith("flowpol: error: " + state.resolve(StateLock.FILE) + ": --state: "), line);
            assertTrue(line.contains("pid " + ProcessHandle.current().pid() + ", started " + start), line);
        }
        assertFalse(Files.exists(tmp.resolve("out")), "the refused run wrote no policies");
        assertFalse(Files.exists(state.resolve(StateStore.FILE)), "nor a state");
    }

    @Test
    void aSecondRunInTheSameProcessIsRefusedToo() {
        Path state = tmp.resolve("state");
        try (StateLock held = StateLock.acquire(state, Instant.parse("2026-12-06T19:30:00Z"))) {
            CliRun second = CliRun.of(learnArgs(state, tmp.resolve("out")).toArray(String[]::new));
            assertEquals(1, second.exit(), second.err());
            assertTrue(second.err().contains("pid " + ProcessHandle.current().pid()), second.err());
        }
        CliRun after = CliRun.of(learnArgs(state, tmp.resolve("out")).toArray(String[]::new));
        assertEquals(0, after.exit(), after.err());
        assertFalse(after.err().contains("warning: " + state.resolve(StateLock.FILE)), "a clean release is no stale lock");
    }

    @Test
    void aLockLeftByAKilledRunIsDetectedAndTakenOver() throws Exception {
        Path state = tmp.resolve("state");
        Process holder = java(LockHolder.class.getName(), List.of(state.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long pid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("locked "), String.valueOf(line));
            pid = Long.parseLong(line.substring("locked ".length()));
            CliRun refused = CliRun.of(learnArgs(state, tmp.resolve("out")).toArray(String[]::new));
            assertEquals(1, refused.exit(), refused.err());
            assertTrue(refused.err().contains("pid " + pid + ", started "), refused.err());
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no clean release
            holder.waitFor();
        }
        CliRun next = CliRun.of(learnArgs(state, tmp.resolve("out")).toArray(String[]::new));
        assertEquals(0, next.exit(), next.err());
        assertTrue(next.err().contains("flowpol: warning: " + state.resolve(StateLock.FILE) + ": the learn run before (pid "
                + pid + ", started "), next.err());
        assertTrue(Files.exists(state.resolve(StateStore.FILE)));
        assertEquals("", Files.readString(state.resolve(StateLock.FILE)), "released cleanly after the run");
    }
}
