package io.flowpol.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A scenario (seed 11, 30 minutes: not the committed demo) generated into a test class's
 * static {@code @TempDir}, so JUnit deletes it when the class is done (a JVM-wide temp
 * directory with {@code deleteOnExit} stayed behind: that does not delete a non-empty
 * directory), and read back only through its files, the way flowpol will read it.
 */
final class GeneratedScenario {
    /** One pod's address over time, from the recording. */
    record PodSpan(String pod, String workload, String node, String ip, Instant from, Instant to) {
        boolean covers(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    static final ScenarioOptions OPTIONS = new ScenarioOptions(11, ScenarioOptions.DEFAULT_START,
            Duration.ofMinutes(30), 60, 0);
    final Path dir;
    final List<JsonNode> events;
    final List<PodSpan> pods;
    private final java.util.Map<String, List<PodSpan>> podsByIp = new java.util.HashMap<>();

    private GeneratedScenario(Path dir) throws IOException {
        this.dir = dir;
        this.events = readRecording(dir.resolve("recording.jsonl"));
        this.pods = RecordingReader.podSpans(events, OPTIONS.end());
        pods.forEach(p -> podsByIp.computeIfAbsent(p.ip(), k -> new ArrayList<>()).add(p));
    }

    /** Generates the scenario into {@code dir} (empty or absent) and reads it back. */
    static GeneratedScenario generate(Path dir) {
        try {
            new ScenarioGenerator(OPTIONS).write(dir);
            return new GeneratedScenario(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> readRecording(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(mapper.readTree(line));
        }
        return lines;
    }

    private final java.util.Map<String, List<String[]>> records = new java.util.HashMap<>();

    /** Every record line of one format (headers checked and dropped), split on spaces; read once. */
    synchronized List<String[]> records(String format) throws IOException {
        List<String[]> cached = records.get(format);
        if (cached == null) {
            cached = records(dir, format);
            records.put(format, cached);
        }
        return cached;
    }

    static List<String[]> records(Path dir, String format) throws IOException {
        String header = format.equals("v2") ? FlowLogFormat.V2_HEADER : FlowLogFormat.V5_HEADER;
        List<String[]> out = new ArrayList<>();
        for (Path file : logFiles(dir, format)) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
                String first = in.readLine();
                if (!header.equals(first)) {
                    throw new AssertionError(file + ": header " + first);
                }
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.add(line.split(" "));
                }
            }
        }
        return out;
    }

    static List<Path> logFiles(Path dir, String format) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("flowlogs").resolve(format))) {
            return files.filter(p -> p.toString().endsWith(".log.gz")).sorted().toList();
        }
    }

    /** The pod holding {@code ip} at {@code t}, or null. */
    PodSpan podAt(String ip, Instant t) {
        for (PodSpan p : podsByIp.getOrDefault(ip, List.of())) {
            if (p.ip().equals(ip) && p.covers(t)) {
                return p;
            }
        }
        return null;
    }
}
