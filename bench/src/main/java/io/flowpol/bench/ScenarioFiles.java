package io.flowpol.bench;

import io.flowpol.ingest.flowlog.FlowLogFiles;
import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The bench's input, made once per size with the samples generator and reused after: a day-long
 * scenario capped at the wanted number of records, its gzip files in the S3 layout
 * ({@code flowlogs/v2/...}, 5-minute files, DESIGN.md fact 8) and the same records concatenated
 * into one plain v2 file with one header line ({@code flowlogs-v2.log}), as issue 7 asks.
 */
public final class ScenarioFiles {
    /** The plain file's name inside the bench directory. */
    public static final String PLAIN = "flowlogs-v2.log";
    public static final String RECORDING = "recording.jsonl";
    /** The generator writes about three records per new connection per minute (both ENIs, both directions). */
    private static final long RECORDS_PER_CONNECTION = 3;
    private static final Duration WINDOW = Duration.ofDays(1);

    private final Path dir;

    public ScenarioFiles(Path dir) {
        this.dir = dir;
    }

    /** Whether an earlier run left a complete input here. */
    public boolean exists() {
        return Files.isRegularFile(dir.resolve(PLAIN)) && Files.isRegularFile(dir.resolve(RECORDING));
    }

    /**
     * Generates a scenario of {@code records} flow-log records per format into the directory.
     * The density is set so that the day-long window holds a fifth more than wanted: the cap,
     * not the window, ends the traffic, and records arrive in time order at a realistic rate.
     */
    public void generate(long records) throws IOException {
        long minutes = WINDOW.toMinutes();
        int density = (int) Math.max(1, (records * 6 / 5 + minutes * RECORDS_PER_CONNECTION - 1)
                / (minutes * RECORDS_PER_CONNECTION));
        ScenarioOptions options = new ScenarioOptions(ScenarioOptions.DEFAULT_SEED, ScenarioOptions.DEFAULT_START,
                WINDOW, density, records);
        new ScenarioGenerator(options).write(dir);
        concatenate(gzipFiles(), dir.resolve(PLAIN));
    }

    /** The plain v2 file. */
    public Path plain() {
        return dir.resolve(PLAIN);
    }

    public Path recording() {
        return dir.resolve(RECORDING);
    }

    /** The generator's v2 gzip files in read (path, hence time) order. */
    public List<Path> gzipFiles() {
        return FlowLogFiles.list(List.of(dir.resolve("flowlogs").resolve("v2")));
    }

    /** Decompresses the files one after another into {@code target}, keeping only the first header line. */
    static void concatenate(List<Path> files, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            boolean first = true;
            for (Path file : files) {
                try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)), 1 << 16)) {
                    if (!first) {
                        skipLine(in);
                    }
                    in.transferTo(out);
                }
                first = false;
            }
        }
        // Moved into place only when complete, so that an interrupted run is not reused.
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void skipLine(InputStream in) throws IOException {
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            // The header line of every file but the first.
        }
    }
}
