package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 11: bad flag values are usage errors naming the flag (exit 2), never "long
 * overflow" or an internal precondition; errors name their file (and line); no Java class name
 * in any message.
 */
class MessagesTest {
    private static final String V5 = CliRun.DEMO.resolve("flowlogs/v5").toString();
    private static final String RECORDING = CliRun.DEMO.resolve("recording.jsonl").toString();
    /** A qualified class name, or a simple one ending in Exception/Error, as toString() prints them. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*|\\b[A-Z]\\w*(?:Exception|Error)\\b");

    @TempDir
    Path tmp;

    private CliRun learn(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("learn", "--cluster", RECORDING, "--flow-logs", V5,
                "--state", tmp.resolve("state").toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private CliRun generate(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Exit code, one error line naming each of {@code mentions} (progress lines aside), no class name anywhere. */
    private static void assertError(CliRun r, int exit, String... mentions) {
        assertEquals(exit, r.exit(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("flowpol: error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        String first = errors.get(0);
        for (String m : mentions) {
            assertTrue(first.contains(m), "'" + m + "' in " + first);
        }
        assertFalse(CLASS_NAME.matcher(r.err()).find(), "no Java class name in: " + r.err());
    }

    @Test
    void aWindowTooLongForMillisecondsIsAUsageErrorNamingTheFlag() {
        CliRun r = learn("--since", "2026-11-30T10:00:00Z", "--window", "106751991167300d");
        assertError(r, ExitCodes.USAGE, "--window", "106751991167300d", "too long");
        assertFalse(r.err().contains("overflow"), r.err());
        assertFalse(Files.exists(tmp.resolve("state")), "refused before the state was touched");
    }

    @Test
    void forgetAfterTooLongIsAUsageErrorNamingTheFlag() {
        CliRun r = learn("--since", "2026-11-30T10:00:00Z", "--until", "2026-11-30T11:00:00Z",
                "--forget-after", "106751991167300d");
        assertError(r, ExitCodes.USAGE, "--forget-after", "too long");
    }

    @Test
    void aDurationBeyondWhatADurationHoldsIsAUsageErrorToo() {
        assertError(generate("--flow-logs", V5, "--cluster", RECORDING, "--join-horizon", "106751991167301d"),
                ExitCodes.USAGE, "--join-horizon", "too long");
        assertError(generate("--flow-logs", V5, "--cluster", RECORDING, "--join-horizon", "99999999999999999999999s"),
                ExitCodes.USAGE, "--join-horizon", "too long");
    }

    @Test
    void aZeroJoinHorizonIsAUsageErrorNamingTheFlag() {
        CliRun r = generate("--flow-logs", V5, "--cluster", RECORDING, "--join-horizon", "0s");
        assertError(r, ExitCodes.USAGE, "--join-horizon", "a positive duration", "0s");
        assertFalse(r.err().contains("joinHorizonMillis"), r.err());
        assertError(learn("--since", "2026-11-30T10:00:00Z", "--until", "2026-11-30T11:00:00Z", "--join-horizon", "0s"),
                ExitCodes.USAGE, "--join-horizon");
    }

    @Test
    void aTimeBeyondFourDigitYearsIsAUsageError() {
        assertError(generate("--flow-logs", V5, "--cluster", RECORDING, "--since", "+999999999-01-01T00:00:00Z"),
                ExitCodes.USAGE, "--since", "RFC 3339");
    }

    @Test
    void aNameThatIsNotDns1123IsNamedByRecordingFileAndLine() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(RECORDING));
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"name\":\"checkout\"")) {
                lines.set(i, lines.get(i).replace("\"name\":\"checkout\"", "\"name\":\"Check_out\""));
                first = first < 0 ? i + 1 : first;
            }
        }
        assertTrue(first > 0);
        Path recording = Files.write(tmp.resolve("recording.jsonl"), lines);
        CliRun r = generate("--flow-logs", V5, "--cluster", recording.toString());
        assertError(r, ExitCodes.FAILURE, recording + ":" + first + ": object.metadata.name: ", "DNS-1123", "'Check_out'");
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aStateFileThatIsADirectoryIsNamedWithoutAClassName() throws IOException {
        Files.createDirectories(tmp.resolve("state/state.json"));
        CliRun r = learn("--since", "2026-11-30T10:00:00Z", "--until", "2026-11-30T11:00:00Z");
        assertError(r, ExitCodes.FAILURE, tmp.resolve("state/state.json") + ": --state: ", "found a directory");
    }

    @Test
    void aFullDiskIsNamedWithTheFile() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "Linux's /dev/full answers every write with ENOSPC");
        try (EmptyApiServer api = new EmptyApiServer()) {
            // The run ends at the first failed write; the duration only bounds a run that never wrote.
            CliRun r = CliRun.of("record", "--out", full.toString(), "--duration", "60s",
                    "--kubeconfig", api.kubeconfig(tmp).toString());
            assertError(r, ExitCodes.FAILURE, "/dev/full", "no space left on device");
        }
    }

    @Test
    void aCorruptGzipFlowLogIsNamedWithoutTheJavaException() throws IOException {
        Path source;
        try (Stream<Path> walk = Files.walk(Path.of(V5))) {
            source = walk.filter(p -> p.toString().endsWith(".gz")).sorted().findFirst().orElseThrow();
        }
        byte[] gz = Files.readAllBytes(source);
        gz[gz.length - 5] ^= (byte) 0xFF; // the CRC/size trailer no longer matches
        Path bad = Files.write(tmp.resolve("bad.log.gz"), gz);
        assertError(generate("--flow-logs", bad.toString(), "--cluster", RECORDING), ExitCodes.FAILURE,
                bad.toString(), "corrupt gzip data", "after line ");
    }

    @Test
    void theErrorHandlerNamesThePathOfAnIoFailureAndNoClass() {
        assertEquals("x.jsonl: no such file or directory",
                ErrorHandler.describe(new UncheckedIOException(new NoSuchFileException("x.jsonl"))));
        assertEquals("out/report.md: no space left on device", ErrorHandler.describe(
                new java.nio.file.FileSystemException("out/report.md", null, "No space left on device")));
        assertEquals("boom", ErrorHandler.describe(new RuntimeException(new IOException("boom"))));
        assertEquals("state: found boom", ErrorHandler.describe(new IllegalStateException("state: found java.io.IOException: boom")));
        assertEquals("an internal error (run with --verbose for the stack trace)",
                ErrorHandler.describe(new NullPointerException()));
    }
}
