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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub issue 13: several files, per-ENI exports above all, reach the sink merged by record start. */
class TimeOrderedFlowLogReaderTest {
    private static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol"
            + " packets bytes start end action log-status";
    private static final long BASE = 1_700_000_000L;

    @TempDir
    Path dir;

    /**
     * One ENI's export: a record every two seconds over the window, written in capture order so
     * that starts run back by up to 49 s (less than one aggregation interval), fields unique per
     * line, NODATA every 97th record.
     */
    private Path eniFile(String name, int eni, int records, boolean header, boolean gzip) throws IOException {
        StringBuilder text = new StringBuilder(header ? HEADER + "\n" : "");
        for (int i = 0; i < records; i++) {
            long start = BASE + 2L * i - (i * 7919L + eni * 31L) % 50;
            if (i % 97 == 5) {
                text.append("2 123456789012 eni-").append(eni).append(" - - - - - - - ").append(start).append(' ')
                        .append(start + 60).append(" - NODATA\n");
                continue;
            }
            text.append("2 123456789012 eni-").append(eni).append(" 10.0.").append(eni).append('.').append(i % 250)
                    .append(" 10.1.").append(i / 250 % 250).append(".7 ").append(32768 + i % 28000).append(' ')
                    .append(i % 3 == 0 ? 443 : 8080).append(" 6 ").append(i % 50 + 1).append(' ').append(i * 7L + eni)
                    .append(' ').append(start).append(' ').append(start + 60).append(" ACCEPT OK\n");
        }
        return write(name, text.toString(), gzip);
    }

    private Path write(String name, String text, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    /** Every field the v2 format fills, with the file and line. */
    private static String fields(FlowRecord r) {
        return r.startMillis + " " + r.sourceId + ":" + r.line + " eni=" + r.interfaceId + " " + r.srcLo + ":"
                + r.srcPort + ">" + r.dstLo + ":" + r.dstPort + " " + r.packets + "/" + r.bytes + " " + r.endMillis
                + " a" + r.action + " s" + r.logStatus;
    }

    private record Seen(long start, int source, long line, String fields) {
    }

    private static List<Seen> merged(int threads, List<Path> files, List<FlowLogStats> stats) {
        List<Seen> seen = new ArrayList<>();
        stats.add(new TimeOrderedFlowLogReader(FlowLogOptions.DEFAULTS, threads).read(files,
                r -> seen.add(new Seen(r.startMillis, r.sourceId, r.line, fields(r)))));
        return seen;
    }

    /** What CloudWatch Logs gives for the same records: every file read, then sorted by start, file, line. */
    private static List<Seen> byStartThenFileThenLine(List<Path> files, FlowLogStats[] stats) {
        List<Seen> all = new ArrayList<>();
        stats[0] = new FlowLogReader(FlowLogOptions.DEFAULTS).read(files,
                r -> all.add(new Seen(r.startMillis, r.sourceId, r.line, fields(r))));
        all.sort(Comparator.comparingLong(Seen::start).thenComparingInt(Seen::source).thenComparingLong(Seen::line));
        return all;
    }

    @Test
    void perEniFilesComeOutByStartThenFileThenLineWithOneAndTwoThreads() throws IOException {
        // More files than get deep hand-offs, more records than a file's hand-off holds, plain and gzip,
        // with and without a header, an empty file and a short one.
        List<Path> files = new ArrayList<>();
        for (int eni = 0; eni < 11; eni++) {
            files.add(eniFile(String.format("eni-%02d.log%s", eni, eni % 3 == 0 ? ".gz" : ""), eni,
                    eni == 4 ? 3 : 5_000 + 700 * eni, eni % 2 == 0, eni % 3 == 0));
        }
        StringBuilder broken = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            broken.append(i % 100 == 7 ? "2 123456789012 eni-98 not a record" : line(98, BASE + i, i)).append('\n');
        }
        files.add(2, write("eni-02b.log", broken.toString(), false));
        files.add(write("eni-99.log", "", false));
        FlowLogStats[] sequential = new FlowLogStats[1];
        List<Seen> expected = byStartThenFileThenLine(files, sequential);
        for (int threads = 1; threads <= 2; threads++) {
            List<FlowLogStats> stats = new ArrayList<>();
            List<Seen> seen = merged(threads, files, stats);
            assertEquals(expected.size(), seen.size());
            assertEquals(expected, seen, threads + " thread(s)");
            FlowLogStats s = stats.get(0);
            assertEquals(sequential[0].files(), s.files());
            assertEquals(sequential[0].lines(), s.lines());
            assertEquals(sequential[0].records(), s.records());
            assertEquals(sequential[0].nodata(), s.nodata());
            assertEquals(sequential[0].bytes(), s.bytes());
            assertEquals(20, s.malformed());
            assertEquals(sequential[0].problems(), s.problems());
        }
    }

    /**
     * Records whose addresses are IPv6, IPv4, absent or IPv4 written as IPv6, mixed within files:
     * the packed batches keep IPv4 and absent addresses narrow and the others apart, and every
     * half and flag of all four addresses comes out as the sequential reader parsed it.
     */
    @Test
    void ipv6Ipv4AndAbsentAddressesComeOutAsParsedWithOneAndTwoThreads() throws IOException {
        String[] addresses = {"10.0.1.5", "2001:db8::7", "-", "::ffff:10.0.1.9", "fd00:ec2::254", "192.168.255.1"};
        List<Path> files = new ArrayList<>();
        for (int eni = 0; eni < 5; eni++) {
            StringBuilder text = new StringBuilder(HEADER + " pkt-srcaddr pkt-dstaddr\n");
            for (int i = 0; i < 3_000; i++) {
                long start = BASE + i - (i * 31L + eni) % 40;
                text.append("5 123456789012 eni-").append(eni).append(' ')
                        .append(addresses[(i + eni) % addresses.length].replace("-", "10.2.0.1")).append(' ')
                        .append(addresses[(i / 3 + eni) % addresses.length].replace("-", "10.2.0.2")).append(' ')
                        .append(40000 + i).append(" 443 6 3 180 ").append(start).append(' ').append(start + 60)
                        .append(" ACCEPT OK ").append(addresses[(i / 7) % addresses.length]).append(' ')
                        .append(addresses[(i / 11 + 2) % addresses.length]).append('\n');
            }
            files.add(write("eni-v6-" + eni + ".log", text.toString(), eni == 1));
        }
        List<String> expected = new ArrayList<>();
        new FlowLogReader(FlowLogOptions.DEFAULTS).read(files, r -> expected.add(addressFields(r)));
        expected.sort(null);
        for (int threads = 1; threads <= 2; threads++) {
            List<String> seen = new ArrayList<>();
            new TimeOrderedFlowLogReader(FlowLogOptions.DEFAULTS, threads).read(files, r -> seen.add(addressFields(r)));
            seen.sort(null);
            assertEquals(expected, seen, threads + " thread(s)");
        }
        assertTrue(expected.stream().anyMatch(f -> f.contains("+0:") && f.contains("-0:0")),
                "IPv6, IPv4 and absent addresses were all read");
    }

    /** The file and line, then every half and presence flag of the four addresses. */
    private static String addressFields(FlowRecord r) {
        return r.sourceId + ":" + r.line + " " + address(r.hasSrcAddr, r.srcHi, r.srcLo) + " "
                + address(r.hasDstAddr, r.dstHi, r.dstLo) + " " + address(r.hasPktSrcAddr, r.pktSrcHi, r.pktSrcLo)
                + " " + address(r.hasPktDstAddr, r.pktDstHi, r.pktDstLo) + " " + r.srcPort + " " + r.startMillis;
    }

    private static String address(boolean present, long hi, long lo) {
        return (present ? "+" : "-") + Long.toHexString(hi) + ":" + Long.toHexString(lo);
    }

    @Test
    void manyPerEniFilesAreParsedByAsManyWorkersAsThreadsNotAThreadPerFile() throws IOException {
        // issue 13: 38 files each had a parsing thread taking turns on two permits (+50 % CPU)
        List<Path> files = new ArrayList<>();
        for (int eni = 0; eni < 40; eni++) {
            files.add(eniFile(String.format("eni-%02d.log", eni), eni, 3_000, false, false));
        }
        List<Seen> expected = byStartThenFileThenLine(files, new FlowLogStats[1]);
        for (int threads = 1; threads <= 2; threads++) {
            int[] mostParsers = new int[1];
            List<Seen> seen = new ArrayList<>();
            new TimeOrderedFlowLogReader(FlowLogOptions.DEFAULTS, threads).read(files, r -> {
                if (seen.size() % 5000 == 0) {
                    mostParsers[0] = Math.max(mostParsers[0], (int) Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().startsWith("flowpol-flowlog-file") && t.isAlive()).count());
                }
                seen.add(new Seen(r.startMillis, r.sourceId, r.line, fields(r)));
            });
            assertEquals(expected, seen, threads + " thread(s)");
            assertEquals(threads, mostParsers[0], "parsing threads during the read");
        }
        assertNoParserLeft();
    }

    @Test
    void filesOfSuccessivePeriodsComeOutInTimeOrderWhateverTheirNames() throws IOException {
        // S3 delivery: files of five minutes; here the later period sorts first by name.
        StringBuilder early = new StringBuilder(HEADER + "\n");
        StringBuilder late = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 300; i++) {
            early.append(line(1, BASE + i, i)).append('\n');
            late.append(line(2, BASE + 300 + i, i)).append('\n');
        }
        List<Path> files = List.of(write("a.log.gz", late.toString(), true), write("b.log.gz", early.toString(), true));
        List<Seen> seen = merged(2, files, new ArrayList<>());
        assertEquals(600, seen.size());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i - 1).start() <= seen.get(i).start(), seen.get(i - 1) + " then " + seen.get(i));
        }
        assertEquals(1, seen.get(0).source());
    }

    @Test
    void aDayOfFiveMinuteFilesComesOutByStartThenFileThenLine() throws IOException {
        // Many more files than are open at once: hand-offs of ended files serve the next ones.
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 40; f++) {
            StringBuilder text = new StringBuilder(HEADER + "\n");
            for (int i = 0; i < 3000; i++) {
                // Five minutes per file, ten records a second from 29 ENIs, starts up to 59 s back.
                long start = BASE + 300L * f + i / 10 - (i * 7919L) % 60;
                text.append(line(i % 29, start, f * 3000 + i)).append('\n');
            }
            files.add(write(String.format("f%03d.log%s", f, f % 2 == 0 ? ".gz" : ""), text.toString(), f % 2 == 0));
        }
        FlowLogStats[] sequential = new FlowLogStats[1];
        List<Seen> expected = byStartThenFileThenLine(files, sequential);
        for (int threads = 1; threads <= 2; threads++) {
            assertEquals(expected, merged(threads, files, new ArrayList<>()), threads + " thread(s)");
        }
    }

    /**
     * Issue 13 item 3 (heap flat with the window): S3 delivery writes a file every five minutes, so
     * a longer window is more files; the state of a file read to its end (its reader, counters and
     * format) is let go, while the stats stay those of reading the files one by one. A file of the
     * whole window in another format, first by name, ends last; it and the last short file carry a
     * malformed line, so the formats and problem samples are taken in file order, not end order.
     */
    @Test
    void filesReadToTheirEndAreNotKeptWhileTheReadGoesOn() throws IOException {
        int periods = 120;
        List<Path> files = new ArrayList<>();
        StringBuilder whole = new StringBuilder(HEADER + " vpc-id\n");
        for (int i = 0; i < periods * 10; i++) {
            whole.append(i == 3 ? "2 123456789012 eni-97 not a record" : line(97, BASE + 30L * i, i) + " vpc-0a1b")
                    .append('\n');
        }
        files.add(write("a-whole-window.log.gz", whole.toString(), true));
        for (int f = 0; f < periods; f++) {
            StringBuilder text = new StringBuilder(HEADER + "\n");
            for (int i = 0; i < 50; i++) {
                long start = BASE + 300L * f + 6L * i - (i * 7919L) % 50;
                text.append(f == periods - 1 && i == 20 ? "2 123456789012 eni-98 not a record" : line(i % 7, start, i))
                        .append('\n');
            }
            files.add(write(String.format("b%03d.log.gz", f), text.toString(), true));
        }
        FlowLogStats[] sequential = new FlowLogStats[1];
        List<Seen> expected = byStartThenFileThenLine(files, sequential);
        for (int threads = 1; threads <= 2; threads++) {
            var reading = (TimeOrderedFlowLogReader.Reading) new TimeOrderedFlowLogReader(FlowLogOptions.DEFAULTS, threads)
                    .start(files, InputProgress.none());
            int[] mostHeld = new int[1];
            List<Seen> seen = new ArrayList<>();
            FlowLogStats stats;
            try (reading) {
                stats = reading.into(r -> {
                    mostHeld[0] = Math.max(mostHeld[0], reading.filesHeld());
                    seen.add(new Seen(r.startMillis, r.sourceId, r.line, fields(r)));
                });
            }
            assertEquals(expected, seen, threads + " thread(s)");
            // Each file's batches go back to the pool once the merge has passed their last record on
            // (records wait in the window packed in their batch): two per file held, whatever the files read.
            assertTrue(reading.batchesAllocated() <= 2 * (TimeOrderedFlowLogReader.PREFETCH + 3),
                    reading.batchesAllocated() + " batches for " + files.size() + " files, " + threads + " thread(s)");
            // The whole-window file, the files of the current period and those opened ahead of the merge.
            assertTrue(mostHeld[0] <= TimeOrderedFlowLogReader.PREFETCH + 3,
                    mostHeld[0] + " of " + files.size() + " files held at once, " + threads + " thread(s)");
            assertEquals(sequential[0].files(), stats.files());
            assertEquals(sequential[0].records(), stats.records());
            assertEquals(sequential[0].lines(), stats.lines());
            assertEquals(sequential[0].bytes(), stats.bytes());
            assertEquals(2, stats.malformed());
            assertEquals(sequential[0].problems(), stats.problems());
            assertEquals(2, stats.formats().size());
            assertEquals(sequential[0].formats(), stats.formats());
        }
        assertNoParserLeft();
    }

    @Test
    void aRecordLaterThanTheToleranceIsPassedOnNotLost() throws IOException {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            a.append(line(1, BASE + i, i)).append('\n');
        }
        // Five minutes behind the records around it: more than one aggregation interval.
        a.append(line(1, BASE + 100, 999)).append('\n');
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            b.append(line(2, BASE + i, i)).append('\n');
        }
        List<Seen> seen = merged(2, List.of(write("a.log", a.toString(), false), write("b.log", b.toString(), false)),
                new ArrayList<>());
        assertEquals(801, seen.size());
        assertTrue(seen.stream().anyMatch(s -> s.source() == 0 && s.line() == 401), "the late record is there");
    }

    @Test
    void aFileWhoseHeaderLacksStartFailsTheMergeNamingIt() throws IOException {
        // the merge orders by start: a format without it cannot be merged, and is refused anyway
        String format = "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes";
        StringBuilder a = new StringBuilder(format + "\n");
        for (int i = 0; i < 3000; i++) {
            a.append("2 eni-1 10.0.0.1 10.0.0.2 ").append(1000 + i).append(" 80 6 1 ").append(i).append('\n');
        }
        Path headerless = write("a.log", a.toString(), false);
        Path other = eniFile("b.log", 2, 3000, false, false);
        for (int threads = 1; threads <= 2; threads++) {
            int t = threads;
            InputException e = assertThrows(InputException.class,
                    () -> merged(t, List.of(headerless, other), new ArrayList<>()));
            assertTrue(e.getMessage().contains(headerless + ":1: header:") && e.getMessage().contains("start"),
                    e.getMessage());
        }
        assertNoParserLeft();
    }

    private static String line(int eni, long start, int i) {
        return "2 123456789012 eni-" + eni + " 10.0.0." + eni + " 10.1.0.9 " + (40000 + i) + " 443 6 3 300 " + start
                + " " + (start + 30) + " ACCEPT OK";
    }

    @Test
    void aBrokenFileFailsTheReadNamingIt() throws IOException {
        Path good = eniFile("eni-1.log", 1, 5000, false, false);
        Path whole = eniFile("eni-2.log.gz", 2, 40_000, false, true);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("eni-3.log.gz"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Path missing = dir.resolve("eni-4.log");
        for (Path broken : List.of(cut, missing)) {
            for (int threads = 1; threads <= 2; threads++) {
                int t = threads;
                InputException e = assertThrows(InputException.class,
                        () -> merged(t, List.of(good, broken), new ArrayList<>()));
                assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
            }
        }
        assertNoParserLeft();
    }

    @Test
    void strictModeFailsOnTheMalformedLineWithOneAndTwoThreads() throws IOException {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            a.append(i == 1500 ? "2 123456789012 eni-1 10.0.0.1 10.1.0.9 x 443 6 3 300 1 2 ACCEPT OK" : line(1, BASE + i, i))
                    .append('\n');
        }
        Path bad = write("a.log", a.toString(), false);
        Path other = eniFile("b.log", 2, 3000, false, false);
        FlowLogOptions strict = new FlowLogOptions(null, true, 20);
        List<String> messages = new ArrayList<>();
        for (int threads = 1; threads <= 2; threads++) {
            int t = threads;
            messages.add(assertThrows(InputException.class,
                    () -> new TimeOrderedFlowLogReader(strict, t).read(List.of(bad, other), r -> { })).getMessage());
        }
        assertEquals(messages.get(0), messages.get(1));
        assertTrue(messages.get(0).contains("a.log:1501"), messages.get(0));
    }

    @Test
    void sinkFailureStopsEveryParserAndIsRethrownUnchanged() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int eni = 0; eni < 12; eni++) {
            files.add(eniFile("eni-" + eni + ".log", eni, 20_000, false, eni % 2 == 0));
        }
        IllegalStateException boom = new IllegalStateException("boom");
        int[] calls = new int[1];
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new TimeOrderedFlowLogReader(FlowLogOptions.DEFAULTS, 2).read(files, r -> {
                    if (++calls[0] == 5000) {
                        throw boom;
                    }
                }));
        assertSame(boom, thrown);
        assertEquals(5000, calls[0]);
        assertNoParserLeft();
    }

    @Test
    void aStartedReadingThatIsClosedUnconsumedStopsItsParsers() throws IOException {
        List<Path> files = List.of(eniFile("a.log", 1, 50_000, false, false), eniFile("b.log", 2, 50_000, false, false));
        FlowLogReading reading = new TimeOrderedFlowLogReader(FlowLogOptions.DEFAULTS, 2)
                .start(files, InputProgress.of(files));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("flowpol-flowlog-file") && t.isAlive()), "parsing began");
        reading.close();
        assertNoParserLeft();
        assertThrows(IllegalStateException.class, () -> reading.into(r -> { }));
    }

    /**
     * Issue 13: after its first batch an S3 delivery file is cut into chunks of lines that both
     * workers parse. Whatever the chunk a line falls in, records, line numbers and statistics must be
     * those of the file read from start to end: CRLF and LF lines, blank lines, malformed lines (more
     * than the samples kept, so the cap falls in a later chunk of a later file), a line too long to
     * cut, NODATA, a header in each file.
     */
    @Test
    void successiveGzipFilesCutIntoChunksReadAsFromStartToEnd() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            files.add(write(String.format("f%03d.log.gz", f), deliveryFile(f, 20_000, -1, f == 1 ? 12_345 : -1, true), true));
        }
        FlowLogStats[] sequential = new FlowLogStats[1];
        List<Seen> expected = byStartThenFileThenLine(files, sequential);
        assertTrue(sequential[0].malformed() > FlowLogOptions.DEFAULTS.maxProblemSamples(), "more problems than samples");
        for (int threads = 1; threads <= 2; threads++) {
            List<FlowLogStats> stats = new ArrayList<>();
            assertEquals(expected, merged(threads, files, stats), threads + " thread(s)");
            assertSameTallies(sequential[0], stats.get(0));
        }
    }

    @Test
    void strictModeFailsOnTheLineOfALaterChunkAsTheSequentialReaderDoes() throws IOException {
        FlowLogOptions strict = new FlowLogOptions(null, true, 20);
        for (boolean tooLong : new boolean[] {false, true}) {
            Path first = write("a.log.gz", deliveryFile(0, 20_000, -1, -1, false), true);
            Path bad = write("b.log.gz", tooLong ? deliveryFile(1, 20_000, -1, 15_000, false)
                    : deliveryFile(1, 20_000, 15_000, -1, false), true);
            String expected = assertThrows(InputException.class,
                    () -> new FlowLogReader(strict).read(List.of(first, bad), r -> { })).getMessage();
            assertTrue(expected.contains("b.log.gz:"), expected);
            for (int threads = 1; threads <= 2; threads++) {
                int t = threads;
                assertEquals(expected, assertThrows(InputException.class,
                        () -> new TimeOrderedFlowLogReader(strict, t).read(List.of(first, bad), r -> { })).getMessage());
            }
        }
    }

    @Test
    void aCutOffGzipFileFailsAfterTheSameLinesAsTheSequentialReader() throws IOException {
        Path whole = write("a.log.gz", deliveryFile(0, 40_000, -1, -1, true), true);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("b.log.gz"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        String expected = assertThrows(InputException.class,
                () -> new FlowLogReader(FlowLogOptions.DEFAULTS).read(List.of(cut), r -> { })).getMessage();
        assertTrue(expected.contains("ends early, after"), expected);
        for (int threads = 1; threads <= 2; threads++) {
            int t = threads;
            List<Seen> seen = new ArrayList<>();
            assertEquals(expected, assertThrows(InputException.class,
                    () -> new TimeOrderedFlowLogReader(FlowLogOptions.DEFAULTS, t).read(List.of(cut),
                            r -> seen.add(new Seen(r.startMillis, r.sourceId, r.line, fields(r))))).getMessage());
            assertTrue(seen.size() > 10_000, "records before the cut are passed on: " + seen.size());
        }
    }

    /**
     * Five minutes of a busy ENI's S3 delivery: a header (CRLF), {@code records} records with starts
     * up to 59 s back, every fifth line CRLF, a blank line every 1,001, NODATA every 89, with
     * {@code malformed} a malformed line every 997; {@code badAt}: a record with a bad port there; {@code tooLongAt}: a 70,000-byte line there.
     */
    private static String deliveryFile(int f, int records, int badAt, int tooLongAt, boolean malformed) {
        StringBuilder text = new StringBuilder(HEADER + "\r\n");
        for (int i = 0; i < records; i++) {
            String eol = i % 5 == 0 ? "\r\n" : "\n";
            long start = BASE + 300L * f + i / 70 - (i * 7919L) % 60;
            if (i % 1001 == 3) {
                text.append(eol);
            }
            if (malformed && i % 997 == 11) {
                text.append("2 123456789012 eni-7 not a record").append(eol);
            }
            if (i == tooLongAt) {
                text.append("2 ").append("9".repeat(70_000)).append('\n');
            }
            if (i == badAt) {
                text.append("2 123456789012 eni-1 10.0.0.1 10.1.0.9 x 443 6 3 300 1 2 ACCEPT OK\n");
            }
            if (i % 89 == 7) {
                text.append("2 123456789012 eni-3 - - - - - - - ").append(start).append(' ').append(start + 60)
                        .append(" - NODATA").append(eol);
            } else {
                text.append(line(i % 29, start, f * records + i)).append(eol);
            }
        }
        return text.toString();
    }

    private static void assertSameTallies(FlowLogStats expected, FlowLogStats actual) {
        assertEquals(expected.files(), actual.files());
        assertEquals(expected.lines(), actual.lines());
        assertEquals(expected.records(), actual.records());
        assertEquals(expected.bytes(), actual.bytes());
        assertEquals(expected.malformed(), actual.malformed());
        assertEquals(expected.nodata(), actual.nodata());
        assertEquals(expected.headerColumnsIgnored(), actual.headerColumnsIgnored());
        assertEquals(expected.formats(), actual.formats());
        assertEquals(expected.problems(), actual.problems());
    }

    private static void assertNoParserLeft() {
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("flowpol-flowlog-file") && t.isAlive()));
    }
}
