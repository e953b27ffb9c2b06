package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.IpAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLogReaderTest {
    private static final String LINE_1 = "2 123456789010 eni-0a1 10.0.1.5 10.0.2.9 43512 8080 6 10 840 1700000000 1700000060 ACCEPT OK";
    private static final String LINE_2 = "2 123456789010 eni-0b2 10.0.2.9 10.0.1.5 8080 43512 6 8 1200 1700000000 1700000060 ACCEPT OK";
    private static final String LINE_3 = "2 123456789010 eni-0c3 10.0.3.1 52.94.1.1 50000 443 6 3 180 1700000061 1700000120 REJECT OK";

    @TempDir
    Path dir;

    private final List<FlowRecord> records = new ArrayList<>();

    private void collect(FlowRecord record) {
        FlowRecord copy = new FlowRecord();
        copy.copyFrom(record);
        records.add(copy);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    private FlowLogStats read(FlowLogOptions options, Path... files) {
        return new FlowLogReader(options).read(List.of(files), this::collect);
    }

    @Test
    void readsFilesInOrderWithSourceIndexAndLineNumbers() throws IOException {
        Path a = write("a.log", LINE_1 + "\n" + LINE_2 + "\n");
        Path b = write("b.log", LINE_3 + "\n");
        FlowLogStats stats = read(FlowLogOptions.DEFAULTS, b, a);
        assertEquals(3, records.size());
        assertEquals(0, records.get(0).sourceId);
        assertEquals(1, records.get(0).line);
        assertEquals(IpAddress.parse("10.0.3.1"), new IpAddress(records.get(0).srcHi, records.get(0).srcLo));
        assertEquals(1, records.get(2).sourceId);
        assertEquals(2, records.get(2).line);
        assertEquals(8080, records.get(2).srcPort);
        assertEquals(2, stats.files());
        assertEquals(3, stats.lines());
        assertEquals(3, stats.records());
        assertEquals(Files.size(a) + Files.size(b), stats.bytes());
        assertEquals(List.of(FlowLogFormat.V2_DEFAULT), stats.formats());
        assertEquals(0, stats.malformed());
    }

    @Test
    void s3GzipFileIsRecognisedByMagicAndItsHeaderDefinesTheFormat() throws IOException {
        String text = "version srcaddr dstaddr pkt-srcaddr pkt-dstaddr srcport dstport protocol tcp-flags some-future-field"
                + " start end action log-status\n"
                + "5 10.0.1.5 10.0.2.9 10.0.1.77 10.0.2.200 43512 8080 6 2 whatever 1700000000 1700000060 ACCEPT OK\n";
        Path file = dir.resolve("123456789010_vpcflowlogs_us-east-1_fl-1_20231114T2210Z_abcd.log");
        Files.write(file, gzip(text));
        FlowLogStats stats = read(FlowLogOptions.DEFAULTS, file);
        assertEquals(1, records.size());
        FlowRecord r = records.get(0);
        assertEquals(2, r.line);
        assertEquals(IpAddress.parse("10.0.1.77"), new IpAddress(r.pktSrcHi, r.pktSrcLo));
        assertEquals(2, r.tcpFlags);
        assertEquals(1_700_000_060_000L, r.endMillis);
        assertEquals(1, stats.headerColumnsIgnored());
        assertEquals(text.length(), stats.bytes());
        assertEquals(List.of("some-future-field"), stats.formats().get(0).ignoredColumns());
        assertTrue(stats.formats().get(0).has(FlowLogField.PKT_DSTADDR));
    }

    @Test
    void forcedFormatAppliesToAFileWithoutHeader() throws IOException {
        Path file = write("h.log", "10.0.0.1 10.0.0.2\n");
        FlowLogFormat forced = FlowLogFormat.parse("${dstaddr} ${srcaddr}");
        read(new FlowLogOptions(forced, true, 5), file);
        assertEquals(1, records.size());
        assertEquals(IpAddress.parse("10.0.0.1"), new IpAddress(records.get(0).dstHi, records.get(0).dstLo));
    }

    @Test
    void multiMemberGzipYieldsTheRecordsOfEveryMember() throws IOException {
        Path file = dir.resolve("multi.gz");
        byte[] first = gzip(LINE_1 + "\n" + LINE_2 + "\n");
        byte[] second = gzip(LINE_3 + "\n");
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        Files.write(file, both);
        read(FlowLogOptions.DEFAULTS, file);
        assertEquals(3, records.size());
        assertEquals(3, records.get(2).line);
        assertEquals(FlowRecord.ACTION_REJECT, records.get(2).action);
    }

    @Test
    void nodataAndSkipdataReachTheSinkAndAreCounted() throws IOException {
        Path file = write("s.log", LINE_1 + "\n"
                + "2 123456789010 eni-0a1 - - - - - - - 1431280876 1431280934 - NODATA\n"
                + "2 123456789010 eni-0a1 - - - - - - - 1431280000 1431280060 - SKIPDATA\n"
                + "2 123456789010 eni-0b2 - - - - - - - 1431281000 1431281060 - SKIPDATA\n"
                + "2 123456789010 eni-0a1 - - - - - - - 1431280500 1431280560 - SKIPDATA\n");
        FlowLogStats stats = read(FlowLogOptions.DEFAULTS, file);
        assertEquals(5, records.size());
        assertEquals(FlowRecord.STATUS_NODATA, records.get(1).logStatus);
        assertEquals(1, stats.nodata());
        assertEquals(3, stats.skipdata());
        assertTrue(stats.hasDataLoss());
        assertEquals(1_431_280_000_000L, stats.skipdataFirstMillis());
        assertEquals(1_431_281_060_000L, stats.skipdataLastMillis());
        assertEquals(2, stats.skipdataInterfaces());
    }

    @Test
    void malformedLineIsCountedSampledAndSkippedWhenLenient() throws IOException {
        Path file = write("m.log", LINE_1 + "\n"
                + "2 123456789010 eni-0a1 10.0.1.5 10.0.2.9 43512 http 6 10 840 1700000000 1700000060 ACCEPT OK\n"
                + "garbage\n" + LINE_2 + "\n");
        FlowLogStats stats = read(new FlowLogOptions(null, false, 1), file);
        assertEquals(2, records.size());
        assertEquals(4, records.get(1).line);
        assertEquals(2, stats.malformed());
        assertEquals(1, stats.problems().size());
        InputProblem problem = stats.problems().get(0);
        assertEquals(file.toString(), problem.file());
        assertEquals(2, problem.line());
        assertEquals("dstport", problem.field());
        assertTrue(problem.message().startsWith(file + ":2: dstport: expected a port"), problem.message());
    }

    @Test
    void malformedLineStopsTheRunWhenStrict() throws IOException {
        Path file = write("m.log", LINE_1 + "\n2 1 eni-1 10.0.0.1\n" + LINE_2 + "\n");
        InputException e = assertThrows(InputException.class,
                () -> read(new FlowLogOptions(null, true, 10), file));
        assertEquals(2, e.problem().line());
        assertEquals("line", e.problem().field());
        assertTrue(e.getMessage().startsWith(file + ":2: line: expected 14 space-separated values"), e.getMessage());
        assertEquals(1, records.size());
    }

    @Test
    void truncatedGzipIsAnInputExceptionSayingHowFarItGot() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append(LINE_1).append('\n');
        }
        byte[] whole = gzip(text.toString());
        Path file = dir.resolve("cut.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        InputException e = assertThrows(InputException.class, () -> read(FlowLogOptions.DEFAULTS, file));
        assertTrue(e.getMessage().startsWith(file + ": expected a complete gzip stream, found it ends early, after"),
                e.getMessage());
        assertFalse(records.isEmpty());
        assertTrue(e.getMessage().contains(" " + records.size() + " lines"), e.getMessage());
    }

    @Test
    void binaryFileIsRefusedAsNotText() throws IOException {
        Path file = dir.resolve("image.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        InputException e = assertThrows(InputException.class, () -> read(FlowLogOptions.DEFAULTS, file));
        assertTrue(e.getMessage().contains("not a text flow-log file"), e.getMessage());
    }

    @Test
    void binaryJunkInsideATextFileIsAPrintableProblem() throws IOException {
        Path file = write("j.log", LINE_1 + "\n" + "2 1 eni-1 \u00ff\u00fe\u0007\u001b[2J 1 2\n" + LINE_3 + "\n");
        FlowLogStats stats = read(FlowLogOptions.DEFAULTS, file);
        assertEquals(2, records.size());
        String message = stats.problems().get(0).message();
        assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7F), message);
        assertTrue(message.contains("\\xff\\xfe\\x07\\x1b"), message);
    }

    @Test
    void missingOrUnreadableFileIsAnInputExceptionNamingIt() throws IOException {
        Path missing = dir.resolve("nope.log");
        InputException e = assertThrows(InputException.class, () -> read(FlowLogOptions.DEFAULTS, missing));
        assertEquals(missing + ": expected a readable flow-log file, found no such file", e.getMessage());
        Path directory = Files.createDirectories(dir.resolve("sub"));
        InputException notFile = assertThrows(InputException.class, () -> read(FlowLogOptions.DEFAULTS, directory));
        assertEquals(directory.toString(), notFile.problem().file());
    }

    @Test
    void recordsSplitAcrossBufferRefillsAreReadWhole() throws IOException {
        String text = LINE_1 + "\r\n" + LINE_2 + "\n\n" + LINE_3 + "\r\n" + LINE_1;
        Path file = write("split.log", text);
        new FlowLogReader(FlowLogOptions.DEFAULTS).read(List.of(file), this::collect);
        List<String> expected = records.stream().map(r -> r + "@" + r.line + "#" + r.interfaceId).toList();
        assertEquals(4, expected.size());
        for (int size = 16; size <= 2 * text.length(); size += 3) {
            records.clear();
            FlowLogStats stats = new FlowLogReader(new FlowLogOptions(null, true, 0), size)
                    .read(List.of(file), this::collect);
            assertEquals(expected, records.stream().map(r -> r + "@" + r.line + "#" + r.interfaceId).toList(),
                    "buffer size " + size);
            assertEquals(text.length(), stats.bytes());
        }
    }

    @Test
    void crlfLineEndingsAndTrailingBlankLinesAreTolerated() throws IOException {
        Path file = write("crlf.log", LINE_1 + "\r\n" + LINE_3 + "\r\n\r\n  \n");
        FlowLogStats stats = read(new FlowLogOptions(null, true, 0), file);
        assertEquals(2, records.size());
        assertEquals(FlowRecord.STATUS_OK, records.get(0).logStatus);
        assertEquals(FlowRecord.STATUS_OK, records.get(1).logStatus);
        assertEquals(0, stats.malformed());
        assertEquals(4, stats.lines());
    }

    @Test
    void lineOver64KiBIsMalformedAndTheNextLineKeepsItsNumber() throws IOException {
        String longLine = LINE_1 + " " + "x".repeat(70 * 1024);
        Path file = write("long.log", LINE_1 + "\n" + longLine + "\n" + LINE_2 + "\n");
        for (int size : new int[] {64, FlowLogReader.DEFAULT_BUFFER_SIZE}) {
            records.clear();
            FlowLogStats stats = new FlowLogReader(FlowLogOptions.DEFAULTS, size).read(List.of(file), this::collect);
            assertEquals(2, records.size(), "buffer size " + size);
            assertEquals(3, records.get(1).line);
            assertEquals(1, stats.malformed());
            InputProblem problem = stats.problems().get(0);
            assertEquals(2, problem.line());
            assertEquals("a line of at most 64 KiB", problem.expected());
            assertTrue(problem.found().endsWith("(" + longLine.length() + " bytes)"), problem.found());
        }
    }

    @Test
    void emptyFileYieldsNothingAndNoError() throws IOException {
        FlowLogStats stats = read(FlowLogOptions.DEFAULTS, write("empty.log", ""));
        assertEquals(0, stats.records());
        assertEquals(1, stats.files());
    }
}
