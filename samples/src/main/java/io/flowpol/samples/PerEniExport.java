package io.flowpol.samples;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Rewrites a scenario's S3-layout flow log (gzip files with a header, {@code flowlogs/v2} or
 * {@code flowlogs/v5}) the way a CloudWatch Logs delivery exports it: one plain file per
 * interface-id, {@code <eni>.log}, each covering the whole window (DESIGN.md fact 14: one log
 * stream per ENI; {@code aws logs} exports carry no header, so the format is then passed with
 * {@code --flow-log-format}). Also writes all records as one file in CloudWatch's interleaved
 * order (by start, then stream name, then stream order), the layout a time-ordered
 * concatenation gives. {@link #read} holds the records in memory (test scenarios of a few million
 * records, and the time-ordered file needs them all); {@link #splitPerEni} streams, so the bench's
 * 30-hour, 50 M-record scenarios split in a bounded heap (issue 13 item 3).
 */
public final class PerEniExport {
    private static final String USAGE = "usage: PerEniExport --in FLOWLOG_DIR --out DIR [--header true|false]"
            + " [--time-ordered FILE]";

    /** One record line, with the fields its order is decided by. */
    public record Line(String eni, long start, String text) {
    }

    private final String header;
    private final List<Line> lines;

    private PerEniExport(String header, List<Line> lines) {
        this.header = header;
        this.lines = lines;
    }

    /** Reads every {@code .log.gz} file below {@code flowLogDir}, in path order (S3 keys: time order). */
    public static PerEniExport read(Path flowLogDir) throws IOException {
        List<Path> files = flowLogFiles(flowLogDir);
        String header = null;
        List<Line> lines = new ArrayList<>();
        for (Path file : files) {
            String[] text;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
            }
            header = text[0];
            List<String> names = List.of(header.split(" "));
            int eni = names.indexOf("interface-id");
            int start = names.indexOf("start");
            for (int i = 1; i < text.length; i++) {
                if (!text[i].isBlank()) {
                    String[] f = text[i].split(" ");
                    lines.add(new Line(f[eni], Long.parseLong(f[start]), text[i]));
                }
            }
        }
        return new PerEniExport(header, lines);
    }

    /** Every {@code .log.gz} file below {@code flowLogDir}, in path order (S3 keys: time order); at least one. */
    private static List<Path> flowLogFiles(Path flowLogDir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(flowLogDir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".log.gz")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .log.gz flow-log file below " + flowLogDir);
        }
        return files;
    }

    /**
     * Writes the same {@code <eni>.log} files as {@code read(flowLogDir).writePerEni(outDir, withHeader)},
     * line by line: one open writer per interface, nothing else kept.
     *
     * @return the number of records written
     */
    public static long splitPerEni(Path flowLogDir, Path outDir, boolean withHeader) throws IOException {
        List<Path> files = flowLogFiles(flowLogDir);
        long records = 0;
        try (EniFiles out = new EniFiles(outDir, withHeader)) {
            for (Path file : files) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
                    String header = in.readLine();
                    if (header == null) {
                        continue;
                    }
                    int eni = List.of(header.split(" ")).indexOf("interface-id");
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (!line.isBlank()) {
                            out.write(line.split(" ", eni + 2)[eni], header, line);
                            records++;
                        }
                    }
                }
            }
        }
        return records;
    }

    /** The header line of the source files (the format, for {@code --flow-log-format}). */
    public String header() {
        return header;
    }

    /** Every record, in the order of the source files. */
    public List<Line> lines() {
        return lines;
    }

    /**
     * Writes {@code <eni>.log} per interface-id into {@code outDir}, records in source order.
     *
     * @return the files written, by path
     */
    public List<Path> writePerEni(Path outDir, boolean withHeader) throws IOException {
        try (EniFiles out = new EniFiles(outDir, withHeader)) {
            for (Line line : lines) {
                out.write(line.eni(), header, line.text());
            }
            return out.paths();
        }
    }

    /** One open {@code <eni>.log} writer per interface-id, created on its first line. */
    private static final class EniFiles implements Closeable {
        private final Path dir;
        private final boolean withHeader;
        private final Map<String, Writer> writers = new HashMap<>();
        private final Map<String, Path> paths = new TreeMap<>();

        EniFiles(Path dir, boolean withHeader) throws IOException {
            this.dir = Files.createDirectories(dir);
            this.withHeader = withHeader;
        }

        void write(String eni, String header, String line) throws IOException {
            Writer out = writers.get(eni);
            if (out == null) {
                Path path = dir.resolve(eni + ".log");
                out = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.US_ASCII), 1 << 16);
                writers.put(eni, out);
                paths.put(eni, path);
                if (withHeader) {
                    out.write(header);
                    out.write('\n');
                }
            }
            out.write(line);
            out.write('\n');
        }

        /** The files written, by path. */
        List<Path> paths() {
            return List.copyOf(paths.values());
        }

        @Override
        public void close() throws IOException {
            for (Writer w : writers.values()) {
                w.close();
            }
        }
    }

    /** The records in CloudWatch Logs' interleaved order: by start, then ENI (stream), then source order. */
    public List<Line> timeOrdered() {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingLong(Line::start).thenComparing(Line::eni));
        return sorted;
    }

    /** Writes {@link #timeOrdered()} as one file. */
    public void writeTimeOrdered(Path file, boolean withHeader) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), 1 << 16)) {
            if (withHeader) {
                out.write(header);
                out.write('\n');
            }
            for (Line line : timeOrdered()) {
                out.write(line.text());
                out.write('\n');
            }
        }
    }

    /** {@code --in DIR --out DIR [--header true|false] [--time-ordered FILE]}. */
    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.containsKey("--in") || !options.containsKey("--out")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        try {
            boolean withHeader = Boolean.parseBoolean(options.getOrDefault("--header", "false"));
            Path in = Path.of(options.get("--in"));
            Path out = Path.of(options.get("--out"));
            if (!options.containsKey("--time-ordered")) {
                long records = splitPerEni(in, out, withHeader);
                System.out.println("wrote " + records + " records into per-ENI files in " + out);
                return;
            }
            PerEniExport export = read(in);
            List<Path> files = export.writePerEni(out, withHeader);
            export.writeTimeOrdered(Path.of(options.get("--time-ordered")), withHeader);
            System.out.println("wrote " + export.lines().size() + " records into " + files.size() + " per-ENI files");
        } catch (IOException | UncheckedIOException e) {
            System.err.println("PerEniExport: error: " + e.getMessage());
            System.exit(1);
        }
    }
}
