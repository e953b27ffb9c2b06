package io.flowpol.cli.fuzz;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: inputs under 50 MB never run flowpol out of a 256 MB heap. Each input is built to
 * stress one buffer or table (a line with no end, a stream that inflates to more than the heap, many
 * distinct connections) and run by the real {@code main} in a child JVM with {@code -Xmx256m};
 * the run keeps the contract of {@link RunChecks} and no OutOfMemoryError is reported.
 */
class HeapBoundTest {
    private static final int MB = 1024 * 1024;
    /** Under the 50 MB, with room for the demo data around it. */
    private static final int LARGE = 45 * MB;

    @TempDir
    Path tmp;

    private void generateInChild(Path flowLogs, Path recording) {
        Path out = tmp.resolve("out");
        var siblings = RunChecks.entries(tmp);
        FlowpolRun run = ChildJvm.run(tmp, "generate", "--flow-logs", flowLogs.toString(),
                "--cluster", recording.toString(), "--out", out.toString());
        System.out.println("fuzz: child JVM " + ChildJvm.HEAP + " exit " + run.exit() + ": "
                + run.err().lines().filter(l -> l.startsWith("flowpol: error")).findFirst().orElse(""));
        // The child's captured out/err files are deleted before the check: nothing else may appear.
        RunChecks.writerRun(run, out, Map.of(), siblings);
    }

    private Path demoRecording() throws IOException {
        return Files.write(tmp.resolve("recording.jsonl"), FuzzInputs.recording());
    }

    private Path slice() throws IOException {
        return Files.write(tmp.resolve("flows.log"), FuzzInputs.slice("v5"));
    }

    @Test
    void aFlowLogLineWithoutEnd() throws IOException {
        Path logs = tmp.resolve("one-line.log");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(logs))) {
            out.write(FuzzInputs.slice("v5"));
            byte[] chunk = new byte[MB];
            Arrays.fill(chunk, (byte) '7');
            for (int i = 0; i < LARGE / MB; i++) {
                out.write(chunk);
            }
        }
        generateInChild(logs, demoRecording());
    }

    @Test
    void aGzipObjectThatInflatesPastTheHeap() throws IOException {
        Path logs = tmp.resolve("bomb.log.gz");
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(logs)), MB)) {
            out.write(FuzzInputs.slice("v5"));
            byte[] chunk = new byte[MB];
            Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                out.write(chunk);
            }
        }
        generateInChild(logs, demoRecording());
    }

    /**
     * 45 MB of valid v5 records, each a distinct connection from one of 4,096 VPC addresses to
     * the demo's frontend pod: the join and aggregation tables grow with the input.
     */
    @Test
    void manyDistinctConnections() throws IOException {
        Path logs = tmp.resolve("many.log");
        SplittableRandom random = new SplittableRandom(12);
        long start = 1796038834L;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(logs), MB)) {
            out.write(Lines.of(FuzzInputs.slice("v5")).lines().get(0));
            out.write('\n');
            long written = 0;
            for (int i = 0; written < LARGE; i++) {
                String src = "10.0." + (16 + random.nextInt(16)) + "." + random.nextInt(1, 255);
                int port = 32768 + random.nextInt(28000);
                long t = start + i / 100;
                String line = "5 315946178260 eni-01b19b96e7c22571b " + src + " 10.0.1.50 " + port + " 80 6 14 3584 " + t + " "
                        + (t + 3) + " ACCEPT OK vpc-04c1005587ec5a550 subnet-0a34f94ebda545101 - 3 IPv4 " + src
                        + " 10.0.1.50 ingress -\n";
                byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
                out.write(bytes);
                written += bytes.length;
            }
        }
        generateInChild(logs, demoRecording());
    }

    /**
     * One event of 45 MB: an annotation of U+0101, two bytes in UTF-8 but outside Latin-1, so a
     * Java String of it takes two bytes a character (no compact string) and a reader that builds
     * the line as a String holds several copies of it.
     */
    @Test
    void aRecordingLineOf45Megabytes() throws IOException {
        Path recording = tmp.resolve("recording.jsonl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(recording), MB)) {
            out.write(FuzzInputs.recording());
            out.write("{\"time\":\"2026-11-30T10:00:00Z\",\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"big\",\"annotations\":{\"a\":\""
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "\u0101".repeat(MB / 2).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < LARGE / MB; i++) {
                out.write(chunk);
            }
            out.write("\"}}}}\n".getBytes(StandardCharsets.US_ASCII));
        }
        generateInChild(slice(), recording);
    }
}
