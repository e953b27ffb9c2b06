package io.flowpol.ingest;

import io.flowpol.inference.FlowInference;
import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.cluster.ClusterRecordingReader;
import io.flowpol.ingest.flowlog.FlowLogFiles;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import io.flowpol.ingest.flowlog.FlowLogOptions;
import io.flowpol.ingest.flowlog.FlowLogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/** The bundled demo scenario, read from files: the reference every other flow-log source must equal. */
public final class DemoScenario {
    public static final Path DIR = Path.of(System.getProperty("flowpol.repo.dir", "..")).resolve("samples/demo");
    public static final long START = java.time.Instant.parse("2026-11-30T09:55:00Z").toEpochMilli();
    public static final long END = java.time.Instant.parse("2026-11-30T12:10:00Z").toEpochMilli();

    private DemoScenario() {
    }

    public static ClusterTimeline timeline() {
        return new ClusterRecordingReader().read(List.of(DIR.resolve("recording.jsonl"))).timeline();
    }

    public static FlowLogFormat v5Format() {
        try {
            return FlowLogFormat.parse(Files.readString(DIR.resolve("format-v5.txt")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> v5Files() {
        return FlowLogFiles.list(List.of(DIR.resolve("flowlogs/v5")));
    }

    public static FlowInference inference(ClusterTimeline timeline) {
        return new FlowInference(timeline, InferenceOptions.defaults());
    }

    public static InferenceResult fileMode(ClusterTimeline timeline) {
        FlowInference inference = inference(timeline);
        new FlowLogReader(FlowLogOptions.DEFAULTS).read(v5Files(), inference);
        return inference.finish();
    }

    /** The record lines of one gzip file, without its header line. */
    public static List<String> lines(Path gzipFile) {
        try (var in = new GZIPInputStream(Files.newInputStream(gzipFile))) {
            List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")));
            lines.remove(0);
            lines.removeIf(String::isBlank);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edges as comparable text: client, server, protocol, port. */
    public static Set<String> edges(List<Edge> edges) {
        Set<String> out = new TreeSet<>();
        for (Edge e : edges) {
            out.add(e.client() + " -> " + e.server() + " " + Protocol.name(e.protocol()) + "/" + e.port());
        }
        return out;
    }
}
