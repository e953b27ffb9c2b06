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
}
