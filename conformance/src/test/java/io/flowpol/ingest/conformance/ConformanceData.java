package io.flowpol.ingest.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locations and loaders of /work/shared/conformance (system property {@code flowpol.shared.dir}). */
final class ConformanceData {
    private ConformanceData() {
    }

    static Path root() {
        String shared = System.getProperty("flowpol.shared.dir", "../shared");
        return Path.of(shared, "conformance");
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's lines, without the final empty line upstream comparisons ignore. */
    static List<String> lines(Path file) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An assertion message naming the first differences, short enough for a 24k-line report. */
    static String difference(List<String> expected, List<String> actual) {
        StringBuilder out = new StringBuilder("expected " + expected.size() + " lines, got " + actual.size());
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(new java.util.HashSet<>(actual));
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(new java.util.HashSet<>(expected));
        missing.stream().limit(8).forEach(l -> out.append("\n  missing: ").append(l));
        extra.stream().limit(8).forEach(l -> out.append("\n  extra:   ").append(l));
        if (missing.isEmpty() && extra.isEmpty()) {
            out.append("\n  same lines, different order");
        }
        return out.toString();
    }
}
