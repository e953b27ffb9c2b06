package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Measures, not tests, reader throughput (STYLE.md habit 5): writes ~2M v2-default lines to a
 * temp file and reads it three times (the first pass includes JIT warm-up) into a counting
 * sink, printing records/s and MB/s. Run by hand:
 * {@code java -cp inference/target/classes:ingest/target/classes:ingest/target/test-classes
 * io.flowpol.ingest.flowlog.FlowLogReadMeasurement [lines]}.
 */
public final class FlowLogReadMeasurement {

    private FlowLogReadMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Path file = Files.createTempFile("flowpol-measure", ".log");
        try {
            generate(file, lines);
            long size = Files.size(file);
            System.out.printf("file: %,d lines, %,d bytes%n", lines, size);
            for (int pass = 1; pass <= 3; pass++) {
                measure(pass, file, size);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void measure(int pass, Path file, long size) {
        long[] checksum = new long[2];
        FlowSink sink = (FlowRecord r) -> {
            checksum[0]++;
            checksum[1] += r.srcLo ^ r.dstPort ^ r.bytes;
        };
        FlowLogStats stats = new FlowLogReader(FlowLogOptions.DEFAULTS).read(List.of(file), sink);
        double seconds = stats.elapsedNanos() / 1e9;
        System.out.printf("pass %d: %,d records in %.3f s = %,.0f records/s, %.1f MB/s (malformed %d, checksum %x)%n",
                pass, checksum[0], seconds, checksum[0] / seconds, size / seconds / 1e6, stats.malformed(), checksum[1]);
    }

    /** Realistic shapes: pod addresses in a /16, ephemeral client ports, a few server ports, some NODATA. */
    private static void generate(Path file, int lines) throws IOException {
        Random random = new Random(42);
        int[] serverPorts = {443, 8080, 53, 5432, 6379, 9090, 10250};
        StringBuilder line = new StringBuilder(160);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < lines; i++) {
                line.setLength(0);
                long start = 1_700_000_000L + i / 2000;
                line.append("2 123456789012 eni-0").append(Long.toHexString(0x1000000000000L + random.nextInt(400)))
                        .append(' ');
                if (i % 997 == 0) {
                    line.append("- - - - - - - ").append(start).append(' ').append(start + 60).append(" - NODATA\n");
                } else {
                    line.append("10.0.").append(random.nextInt(256)).append('.').append(random.nextInt(256)).append(' ')
                            .append("10.0.").append(random.nextInt(256)).append('.').append(random.nextInt(256)).append(' ')
                            .append(32768 + random.nextInt(28232)).append(' ')
                            .append(serverPorts[random.nextInt(serverPorts.length)]).append(" 6 ")
                            .append(1 + random.nextInt(500)).append(' ').append(60 + random.nextInt(900_000)).append(' ')
                            .append(start).append(' ').append(start + 60)
                            .append(random.nextInt(50) == 0 ? " REJECT OK\n" : " ACCEPT OK\n");
                }
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
