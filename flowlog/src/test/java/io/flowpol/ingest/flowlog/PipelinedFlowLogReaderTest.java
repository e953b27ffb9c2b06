package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelinedFlowLogReaderTest {
    @TempDir
    Path dir;

    /** Lines whose every field differs from line to line, so a reordering or a lost copy shows. */
    private Path logFile(String name, int lines, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        StringBuilder text = new StringBuilder("version account-id interface-id srcaddr dstaddr srcport dstport"
                + " protocol packets bytes start end action log-status\n");
        for (int i = 0; i < lines; i++) {
            if (i % 101 == 7) {
                text.append("2 123456789012 eni-").append(i).append(" - - - - - - - ").append(1_700_000_000L + i)
                        .append(' ').append(1_700_000_060L + i).append(" - NODATA\n");
                continue;
            }
            text.append("2 123456789012 eni-").append(i % 13).append(" 10.0.").append(i % 250).append('.')
                    .append(i / 250 % 250).append(" 10.1.0.").append(i % 7).append(' ').append(32768 + i % 28000)
                    .append(' ').append(i % 3 == 0 ? 443 : 8080).append(" 6 ").append(i % 50 + 1).append(' ')
                    .append(i * 7L).append(' ').append(1_700_000_000L + i).append(' ').append(1_700_000_060L + i)
                    .append(i % 17 == 0 ? " REJECT OK\n" : " ACCEPT OK\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }

    private static List<String> read(int threads, List<Path> files, List<FlowLogStats> stats) {
        List<String> seen = new ArrayList<>();
        stats.add(new PipelinedFlowLogReader(FlowLogOptions.DEFAULTS, threads).read(files,
                r -> seen.add(fields(r))));
        return seen;
    }

    /** Every field the v2 format fills, so that a lost or stale copy in a batch slot shows. */
    private static String fields(FlowRecord r) {
        return r.sourceId + ":" + r.line + " v" + r.version + " eni=" + r.interfaceId + " " + r.srcLo + ":" + r.srcPort
                + ">" + r.dstLo + ":" + r.dstPort + " p" + r.protocol + " " + r.packets + "/" + r.bytes + " "
                + r.startMillis + "-" + r.endMillis + " a" + r.action + " s" + r.logStatus + " " + r.hasSrcAddr;
    }

    @Test
    void twoThreadsDeliverExactlyTheRecordsAndStatsOfOne() throws IOException {
        // More records than all batches in flight hold, across files, plain and gzip.
        int lines = PipelinedFlowLogReader.BATCH_RECORDS * PipelinedFlowLogReader.BATCHES + 1234;
        List<Path> files = List.of(logFile("a.log.gz", lines, true), logFile("b.log", 3, false),
                logFile("c.log", lines / 3, false));
        List<FlowLogStats> stats = new ArrayList<>();
        List<String> one = read(1, files, stats);
        List<String> two = read(2, files, stats);
        assertEquals(lines + 3 + lines / 3, one.size());
        assertEquals(one, two);
        FlowLogStats a = stats.get(0);
        FlowLogStats b = stats.get(1);
        assertEquals(a.records(), b.records());
        assertEquals(a.nodata(), b.nodata());
        assertEquals(a.bytes(), b.bytes());
        assertEquals(a.lines(), b.lines());
        assertEquals(3, b.files());
    }

    @Test
    void parserFailureReachesTheCallerAsThrown() throws IOException {
        Path good = logFile("good.log", 5000, false);
        Path missing = dir.resolve("missing.log");
        InputException e = assertThrows(InputException.class,
                () -> read(2, List.of(good, missing), new ArrayList<>()));
        assertTrue(e.getMessage().contains("missing.log"), e.getMessage());
    }

    @Test
    void truncatedGzipFailsWithTheSameMessageWithOneAndTwoThreads() throws IOException {
        Path whole = logFile("whole.log.gz", 40_000, true);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.log.gz"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        InputException one = assertThrows(InputException.class, () -> read(1, List.of(cut), new ArrayList<>()));
        InputException two = assertThrows(InputException.class, () -> read(2, List.of(cut), new ArrayList<>()));
        assertTrue(one.getMessage().contains("ends early"), one.getMessage());
        assertEquals(one.getMessage(), two.getMessage());
    }

    @Test
    void sinkFailureStopsTheReadAndIsRethrownUnchanged() throws IOException {
        Path big = logFile("big.log", PipelinedFlowLogReader.BATCH_RECORDS * (PipelinedFlowLogReader.BATCHES + 4), false);
        IllegalStateException boom = new IllegalStateException("boom");
        int[] calls = new int[1];
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new PipelinedFlowLogReader(FlowLogOptions.DEFAULTS, 2).read(List.of(big), (FlowRecord r) -> {
                    if (++calls[0] == 10) {
                        throw boom;
                    }
                }));
        assertSame(boom, thrown);
        assertEquals(10, calls[0]);
    }

    @Test
    void onlyOneOrTwoThreadsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new PipelinedFlowLogReader(FlowLogOptions.DEFAULTS, 3));
        assertThrows(IllegalArgumentException.class, () -> new PipelinedFlowLogReader(FlowLogOptions.DEFAULTS, 0));
    }

    // --- Two parsing threads over units (a file each, byte ranges of a large plain file) ---

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertSameAsSequential(FlowLogOptions options, long unitBytes, List<Path> files) {
        ReadOutcome sequential = ReadOutcome.sequential(options, files);
        ReadOutcome parallel = ReadOutcome.parallel(options, unitBytes, files);
        assertEquals(sequential.failure(), parallel.failure(), "failure with unit size " + unitBytes);
        assertEquals(sequential.records(), parallel.records(), "records with unit size " + unitBytes);
        assertEquals(sequential.stats(), parallel.stats(), "stats with unit size " + unitBytes);
    }

    @Test
    void plainFileCutIntoRangesOfAnySizeGivesTheSequentialRecordsAndStats() throws IOException {
        // Header, CRLF, blank and malformed lines in many ranges, a line over 64 KiB, no final newline.
        FlowLogText text = new FlowLogText().header().records(0, 150).line("").line("not a flow log line")
                .records(150, 300).line("x".repeat(70_000)).records(300, 420).line("   ").line("5 eni-1 bad")
                .records(420, 500).unterminated("5 eni-9 - - - - - - - 1700000000 1700000060 - NODATA - - - - - - -");
        Path file = write("big.log", text.bytes());
        for (long unitBytes : new long[] {37, 150, 1000, 20_000, 80_000}) {
            assertSameAsSequential(FlowLogOptions.DEFAULTS, unitBytes, List.of(file));
        }
        ReadOutcome outcome = ReadOutcome.parallel(FlowLogOptions.DEFAULTS, 150, List.of(file));
        assertEquals(501, outcome.records().size());
        assertEquals(3, outcome.stats().malformed());
        assertEquals(List.of(153L, 304L, 426L),
                outcome.stats().problems().stream().map(p -> p.line()).toList());
    }

    @Test
    void manyGzipFilesAndRangesOfPlainFilesGiveTheSequentialRecordsAndStats() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 24; f++) {
            FlowLogText text = f % 3 == 0 ? new FlowLogText().records(f * 100, f * 100 + 40)
                    : new FlowLogText().header().records(f * 100, f * 100 + 70 + f).line("junk " + f);
            files.add(write(String.format("f%02d.log%s", f, f % 4 == 1 ? "" : ".gz"),
                    f % 4 == 1 ? text.bytes() : text.gzip()));
        }
        files.add(write("empty.log.gz", new FlowLogText().gzip()));
        int many = PipelinedFlowLogReader.BATCH_RECORDS * PipelinedFlowLogReader.BATCHES + 99;
        files.add(write("large.log.gz", new FlowLogText().header().records(0, many).gzip()));
        files.add(write("large.log", new FlowLogText().header().records(0, many).bytes()));
        for (long unitBytes : new long[] {333, PipelinedFlowLogReader.UNIT_BYTES}) {
            assertSameAsSequential(FlowLogOptions.DEFAULTS, unitBytes, files);
        }
    }

    @Test
    void emptyHeaderOnlyAndSingleUnterminatedLineFilesMatchTheSequentialReader() throws IOException {
        Path empty = write("empty.log", new byte[0]);
        Path headerOnly = write("header.log", new FlowLogText().header().bytes());
        Path oneLine = write("one.log", new FlowLogText()
                .unterminated("5 eni-1 10.0.0.1 10.0.0.2 40000 80 6 1 60 1700000000 1700000060 ACCEPT OK 2"
                        + " 10.0.0.1 10.0.0.2 egress 1 use1-az1 x").bytes());
        Path headerAndLine = write("two.log", new FlowLogText().header().unterminated(
                "2 eni-1 10.0.0.1 10.0.0.2 40000 80 6 1 60 1700000000 1700000060 ACCEPT OK - - - - - - -").bytes());
        for (long unitBytes : new long[] {1, 2, 10, 1000}) {
            assertSameAsSequential(FlowLogOptions.DEFAULTS, unitBytes, List.of(empty, headerOnly, oneLine, headerAndLine));
        }
    }

    @Test
    void forcedFormatThatDisagreesWithTheHeaderFailsBeforeAnyRangeIsPassedOn() throws IOException {
        Path file = write("forced.log", new FlowLogText().header().records(0, 300).bytes());
        FlowLogOptions forced = new FlowLogOptions(FlowLogFormat.V2_DEFAULT, false, 20);
        assertSameAsSequential(forced, 500, List.of(file));
        ReadOutcome parallel = ReadOutcome.parallel(forced, 500, List.of(file));
        assertTrue(parallel.records().isEmpty());
        assertTrue(parallel.failure().contains(file + ":1: header: expected the columns of --flow-log-format"),
                parallel.failure());
    }

    @Test
    void forcedFormatAppliesToEveryRangeOfAFileWithAnAgreeingHeader() throws IOException {
        Path file = write("forced.log", new FlowLogText().header().records(0, 300).bytes());
        FlowLogOptions forced = new FlowLogOptions(FlowLogFormat.parse(FlowLogText.HEADER.replace(" future-field", "")), false, 20);
        assertSameAsSequential(forced, 500, List.of(file));
    }

    @Test
    void problemSamplesKeepInputOrderAndLineNumbersAcrossRanges() throws IOException {
        FlowLogText text = new FlowLogText().header();
        List<Long> badLines = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            if (i % 97 == 13) {
                text.line("5 eni-" + i + " not-an-address");
                badLines.add(i + 2L + badLines.size());
            }
            text.record(i);
        }
        Path file = write("problems.log", text.bytes());
        FlowLogOptions fewSamples = new FlowLogOptions(null, false, 4);
        assertSameAsSequential(fewSamples, 700, List.of(file, file));
        FlowLogStats stats = ReadOutcome.parallel(fewSamples, 700, List.of(file, file)).stats();
        assertEquals(badLines.size() * 2L, stats.malformed());
        assertEquals(badLines.subList(0, 4), stats.problems().stream().map(p -> p.line()).toList());
    }

    @Test
    void strictModeThrowsTheSequentialFirstErrorAfterTheSameRecords() throws IOException {
        Path file = write("strict.log", new FlowLogText().header().records(0, 400).line("5 eni-1 bad line")
                .records(400, 500).line("another bad line").bytes());
        FlowLogOptions strict = new FlowLogOptions(null, true, 20);
        for (long unitBytes : new long[] {64, 5000}) {
            assertSameAsSequential(strict, unitBytes, List.of(file));
        }
        ReadOutcome outcome = ReadOutcome.parallel(strict, 64, List.of(file));
        assertEquals(400, outcome.records().size());
        assertTrue(outcome.failure().startsWith(file + ":402: "), outcome.failure());
    }

    @Test
    void truncatedMissingOrBinaryFileFailsAfterTheSameRecordsAsSequentially() throws IOException {
        Path before = write("before.log", new FlowLogText().header().records(0, 700).bytes());
        byte[] gzip = new FlowLogText().header().records(0, 30_000).gzip();
        Path cut = write("cut.log.gz", java.util.Arrays.copyOf(gzip, gzip.length / 2));
        Path after = write("after.log.gz", new FlowLogText().records(0, 50).gzip());
        byte[] binary = new FlowLogText().records(0, 40).bytes();
        binary[100] = 0;
        Path nul = write("nul.log", binary);
        Path missing = dir.resolve("missing.log");
        for (List<Path> files : List.of(List.of(before, cut, after), List.of(before, missing, after),
                List.of(before, nul, after))) {
            ReadOutcome outcome = ReadOutcome.parallel(FlowLogOptions.DEFAULTS, 1000, files);
            assertTrue(outcome.failure().contains(files.get(1).toString()), outcome.failure());
            assertSameAsSequential(FlowLogOptions.DEFAULTS, 1000, files);
        }
    }

    @Test
    void sinkFailureStopsBothParsingThreads() throws IOException {
        Path plain = write("plain.log", new FlowLogText().header().records(0, 60_000).bytes());
        Path gzip = write("more.log.gz", new FlowLogText().header().records(0, 60_000).gzip());
        IllegalStateException boom = new IllegalStateException("boom");
        int[] calls = new int[1];
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new PipelinedFlowLogReader(FlowLogOptions.DEFAULTS, 2, 100_000).read(List.of(plain, gzip), r -> {
                    if (++calls[0] == 5000) {
                        throw boom;
                    }
                }));
        assertSame(boom, thrown);
        assertEquals(5000, calls[0]);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("flowpol-flowlog-parser") && t.isAlive()));
    }

    @Test
    void aStartedReadingThatIsClosedUnconsumedStopsItsParsers() throws IOException {
        Path plain = write("plain.log", new FlowLogText().header().records(0, 200_000).bytes());
        PipelinedFlowLogReader.Reading reading = new PipelinedFlowLogReader(FlowLogOptions.DEFAULTS, 2, 100_000)
                .start(List.of(plain), InputProgress.of(List.of(plain)));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("flowpol-flowlog-parser") && t.isAlive()), "parsing began");
        reading.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("flowpol-flowlog-parser") && t.isAlive()));
        assertThrows(IllegalStateException.class, () -> reading.into(r -> { }));
    }

    @Test
    void aReadingStartedBeforeItsSinkExistsDeliversWhatTheSequentialReaderDoes() throws IOException {
        Path plain = write("plain.log", new FlowLogText().header().records(0, 50_000).bytes());
        for (int threads = 1; threads <= 2; threads++) {
            List<Long> lines = new java.util.ArrayList<>();
            try (PipelinedFlowLogReader.Reading reading = new PipelinedFlowLogReader(FlowLogOptions.DEFAULTS, threads,
                    100_000).start(List.of(plain), InputProgress.of(List.of(plain)))) {
                FlowLogStats stats = reading.into(r -> lines.add(r.line));
                assertEquals(50_000, stats.records());
            }
            assertEquals(50_000, lines.size());
            assertEquals(2L, lines.get(0), "line 1 is the header");
            assertEquals(50_001L, lines.get(lines.size() - 1));
        }
    }
}
