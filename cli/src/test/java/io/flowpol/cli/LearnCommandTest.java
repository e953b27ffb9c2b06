package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {
    private static final String V5 = CliRun.DEMO.resolve("flowlogs/v5").toString();
    private static final String RECORDING = CliRun.DEMO.resolve("recording.jsonl").toString();

    @TempDir
    Path tmp;

    private CliRun learn(Path state, Path out, String since, String until) {
        return CliRun.of("learn", "--cluster", RECORDING, "--flow-logs", V5, "--state", state.toString(),
                "--out", out.toString(), "--since", since, "--until", until);
    }

    @Test
    void twoConsecutiveWindowsGiveTheSamePoliciesAsOneWindowOverBoth() {
        Path parts = tmp.resolve("parts");
        CliRun first = learn(parts, tmp.resolve("out-1"), "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z");
        assertEquals(0, first.exit(), first.err());
        CliRun second = learn(parts, tmp.resolve("out-2"), "2026-11-30T11:00:00Z", "2026-11-30T12:00:00Z");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("2 window(s)"), second.out());

        CliRun whole = learn(tmp.resolve("whole"), tmp.resolve("out-whole"), "2026-11-30T10:00:00Z", "2026-11-30T12:00:00Z");
        assertEquals(0, whole.exit(), whole.err());
        CliRun generate = CliRun.of("generate", "--cluster", RECORDING, "--flow-logs", V5, "--out",
                tmp.resolve("out-generate").toString(), "--since", "2026-11-30T10:00:00Z", "--until", "2026-11-30T12:00:00Z");
        assertEquals(0, generate.exit(), generate.err());

        var merged = CliRun.policies(tmp.resolve("out-2"));
        assertFalse(merged.isEmpty());
        assertEquals(CliRun.policies(tmp.resolve("out-whole")), merged);
        assertEquals(CliRun.policies(tmp.resolve("out-generate")), merged);
    }
}
