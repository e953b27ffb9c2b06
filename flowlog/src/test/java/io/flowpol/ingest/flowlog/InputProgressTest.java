package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputProgressTest {
    @TempDir
    Path tmp;

    private Path plain(String name, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append("2 123456789010 eni-0a1 10.0.1.5 10.0.2.9 ").append(40000 + i % 20000)
                    .append(" 8080 6 10 840 1700000000 1700000060 ACCEPT OK\n");
        }
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    private Path gzip(Path plain) throws IOException {
        Path file = tmp.resolve(plain.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(Files.readAllBytes(plain));
        }
        return file;
    }

    @Test
    void totalIsTheFilesSizeOnDiskAndAFullReadReachesIt() throws IOException {
        Path a = plain("a.log", 3000);
        Path b = gzip(plain("b.log", 2000));
        List<Path> files = List.of(a, b);
        for (int threads = 1; threads <= 2; threads++) {
            InputProgress progress = InputProgress.of(files);
            long[] records = new long[1];
            new PipelinedFlowLogReader(FlowLogOptions.DEFAULTS, threads, 4096)
                    .read(files, (FlowRecord r) -> records[0]++, progress);
            assertEquals(5000, records[0]);
            assertEquals(Files.size(a) + Files.size(b), progress.totalBytes(), "compressed size for gzip");
            assertEquals(progress.totalBytes(), progress.bytesRead(), "threads " + threads);
        }
    }

    @Test
    void bytesReadGrowsAsTheReadGoesAndNeverPassesTheTotal() throws IOException {
        Path a = plain("a.log", 20_000);
        InputProgress progress = InputProgress.of(List.of(a));
        long[] seenAtHalf = {-1};
        long[] records = new long[1];
        // One thread: with two, the parsers may read this whole file into their queues before the consumer is at half.
        new PipelinedFlowLogReader(FlowLogOptions.DEFAULTS, 1).read(List.of(a), (FlowRecord r) -> {
            if (++records[0] == 10_000) {
                seenAtHalf[0] = progress.bytesRead();
            }
        }, progress);
        assertTrue(seenAtHalf[0] > 0 && seenAtHalf[0] < progress.totalBytes(), "at half: " + seenAtHalf[0]);
        assertEquals(progress.totalBytes(), progress.bytesRead());
    }

    @Test
    void aMissingFileCountsNothingAndIsLeftToTheReaderToReport() throws IOException {
        Path a = plain("a.log", 10);
        assertEquals(Files.size(a), InputProgress.of(List.of(a, tmp.resolve("missing.log"))).totalBytes());
    }
}
