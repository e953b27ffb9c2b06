package io.flowpol.ingest.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.FlowInference;
import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.cluster.ClusterRecordingReader;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import io.flowpol.ingest.flowlog.FlowLogOptions;
import io.flowpol.ingest.flowlog.FlowLogReading;
import io.flowpol.ingest.flowlog.InputProgress;
import io.flowpol.samples.PerEniExport;
import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * GitHub issue 13's acceptance: a generated scenario's flow log as one file per ENI (a CloudWatch
 * Logs export, DESIGN.md fact 14), as one time-ordered file, and read from CloudWatch Logs (one
 * stream per ENI, interleaved by time) gives the same edges and attempts, evidence included, and
 * the connections the scenario really made. Read one file after the other, the per-ENI files
 * counted every cross-node connection twice.
 */
class PerEniFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "/vpc/flow-logs";
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    static Path tmp;
    private static CloudWatchLogsTestServer server;
    private static CloudWatchLogsClient client;

    @BeforeAll
    static void startServer() throws IOException {
        server = new CloudWatchLogsTestServer(5_000);
        client = server.clientBuilder(Region.EU_WEST_1).build();
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"11, v2", "23, v2", "11, v5", "23, v5"})
    void perEniFilesATimeOrderedFileAndCloudWatchGiveTheSameEdgesAndTheTrueConnections(long seed, String version)
            throws IOException {
        Path scenario = tmp.resolve("scenario-" + seed + "-" + version);
        new ScenarioGenerator(new ScenarioOptions(seed, START, Duration.ofMinutes(40), 30, 0)).write(scenario);
        PerEniExport export = PerEniExport.read(scenario.resolve("flowlogs").resolve(version));
        // v2 as `aws logs` exports it (no header, the default format); v5 with the header of its custom format.
        boolean header = version.equals("v5");
        List<Path> perEni = export.writePerEni(scenario.resolve("per-eni"), header);
        Path ordered = scenario.resolve("time-ordered.log");
        export.writeTimeOrdered(ordered, header);
        String group = GROUP + "/" + seed + "/" + version;
        for (PerEniExport.Line line : export.lines()) {
            // CloudWatch stamps each flow-log event with the record's start; one stream per ENI.
            server.put(group, line.eni(), line.start() * 1000, line.text());
        }
        assertTrue(perEni.size() > 3, "one file per ENI: " + perEni.size());
        ClusterTimeline timeline = new ClusterRecordingReader().read(List.of(scenario.resolve("recording.jsonl"))).timeline();

        InferenceResult fromFiles = local(timeline, perEni);
        InferenceResult fromOneFile = local(timeline, List.of(ordered));
        FlowInference inference = inference(timeline);
        long from = START.minus(Duration.ofMinutes(10)).toEpochMilli();
        long to = START.plus(Duration.ofMinutes(60)).toEpochMilli();
        new CloudWatchFlowLogReader(client).read(new CloudWatchSource(group, null, from, to, 4),
                FlowLogFormat.parse(export.header()), true, inference);
        InferenceResult fromCloudWatch = inference.finish();

        assertEquals(text(fromCloudWatch.edges()), text(fromOneFile.edges()), "one time-ordered file");
        assertEquals(text(fromCloudWatch.edges()), text(fromFiles.edges()), "per-ENI files");
        assertEquals(text(fromCloudWatch.attempts()), text(fromOneFile.attempts()), "one time-ordered file");
        assertEquals(text(fromCloudWatch.attempts()), text(fromFiles.attempts()), "per-ENI files");
        // The rest of edges.json: SNAT-hidden egress with its candidates.
        assertEquals(fromCloudWatch.snatEgress(), fromOneFile.snatEgress());
        assertEquals(fromCloudWatch.snatEgress(), fromFiles.snatEgress());
        Map<String, Long> truth = trueConnections(scenario);
        Map<String, Long> learned = learnedConnections(fromFiles);
        if (header) {
            // v5's pkt-* addresses name both pods in every record: each connection is counted once.
            assertEquals(truth, learned);
            return;
        }
        // v2 joins on ports at node anchors (DESIGN.md fact 2): concurrent connections of pods on one node that
        // share ports merge, so a few are missing, the same in CloudWatch mode. None is counted twice.
        assertEquals(truth.keySet(), learned.keySet());
        long trueTotal = 0;
        long learnedTotal = 0;
        for (Map.Entry<String, Long> e : truth.entrySet()) {
            assertTrue(learned.get(e.getKey()) <= e.getValue(), e.getKey() + ": " + learned.get(e.getKey())
                    + " connections learned, " + e.getValue() + " made");
            trueTotal += e.getValue();
            learnedTotal += learned.get(e.getKey());
        }
        assertTrue(learnedTotal >= trueTotal * 0.97, learnedTotal + " connections learned, " + trueTotal + " made");
    }

    /** One edge per line, so that a difference shows as lines. */
    private static String text(List<Edge> edges) {
        StringBuilder out = new StringBuilder();
        for (Edge e : edges) {
            out.append(e).append('\n');
        }
        return out.toString();
    }

    private static FlowInference inference(ClusterTimeline timeline) {
        return new FlowInference(timeline, InferenceOptions.defaults());
    }

    /** As {@code generate} reads local files. */
    private static InferenceResult local(ClusterTimeline timeline, List<Path> files) {
        FlowInference inference = inference(timeline);
        try (FlowLogReading reading = FlowLogReading.start(files, FlowLogOptions.DEFAULTS, InputProgress.of(files))) {
            reading.into(inference);
        }
        return inference.finish();
    }

    /** Workload-to-workload connections that crossed nodes (flow logs see no others, fact 4), per edge. */
    private static Map<String, Long> trueConnections(Path scenario) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode t : JSON.readTree(scenario.resolve("truth.json").toFile()).path("edges")) {
            if (t.path("clientKind").asText().equals("workload") && t.path("serverKind").asText().equals("workload")
                    && t.path("attempts").asLong() == 0 && t.path("crossNodeConnections").asLong() > 0) {
                out.put(t.path("client").asText() + " -> " + t.path("server").asText() + " "
                        + t.path("protocol").asText() + "/" + t.path("port").asInt(), t.path("crossNodeConnections").asLong());
            }
        }
        return out;
    }

    private static Map<String, Long> learnedConnections(InferenceResult result) {
        Map<String, Long> out = new TreeMap<>();
        for (Edge e : result.edges()) {
            if (e.client().kind() == Peer.Kind.WORKLOAD && e.server().kind() == Peer.Kind.WORKLOAD) {
                out.put(e.client() + " -> " + e.server() + " " + Protocol.name(e.protocol()) + "/" + e.port(),
                        e.evidence().connections());
            }
        }
        return out;
    }

}
