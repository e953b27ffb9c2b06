package io.flowpol.ingest.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.FlowInference;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.DemoScenario;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * GitHub issue 5's acceptance: the demo's flow logs delivered to CloudWatch Logs (one event per
 * record, one stream per ENI, no header) give the same edges in record mode and in Insights mode
 * as read from the files.
 */
class DemoFromCloudWatchTest {
    private static final String GROUP = "/vpc/demo-flow-logs";
    private static CloudWatchLogsTestServer server;
    private static CloudWatchLogsClient client;
    private static ClusterTimeline timeline;
    private static InferenceResult files;

    @BeforeAll
    static void deliver() throws IOException {
        server = new CloudWatchLogsTestServer(10_000);
        for (Path file : DemoScenario.v5Files()) {
            for (String line : DemoScenario.lines(file)) {
                String[] f = line.split(" ");
                // CloudWatch stamps each flow-log event with the record's start (field 11), streams by ENI.
                server.put(GROUP, f[2], Long.parseLong(f[10]) * 1000, line);
            }
        }
        client = server.clientBuilder(Region.EU_WEST_1).build();
        timeline = DemoScenario.timeline();
        files = DemoScenario.fileMode(timeline);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static CloudWatchSource window() {
        return new CloudWatchSource(GROUP, null, DemoScenario.START, DemoScenario.END, 4);
    }

    @Test
    void recordModeGivesTheEdgesOfTheFiles() {
        FlowInference inference = DemoScenario.inference(timeline);
        CloudWatchStats stats = new CloudWatchFlowLogReader(client).read(window(), DemoScenario.v5Format(), true, inference);
        InferenceResult result = inference.finish();
        System.out.printf("demo via CloudWatch record mode: %d FilterLogEvents calls, %,d events, %,d message bytes, "
                + "%,d response bytes%n", stats.filterCalls(), stats.events(), stats.messageBytes(), server.responseBytes.get());
        assertTrue(stats.events() > 20_000, "every record was read: " + stats.events());
        assertEquals(DemoScenario.edges(files.edges()), DemoScenario.edges(result.edges()));
        assertEquals(DemoScenario.edges(files.attempts()), DemoScenario.edges(result.attempts()));
    }

    @Test
    void insightsPushdownGivesTheEdgesOfTheFiles() {
        FlowInference inference = DemoScenario.inference(timeline);
        InsightsStats stats = new InsightsAggregator(client).read(window(), DemoScenario.v5Format(), inference);
        InferenceResult result = inference.finish();
        System.out.printf("demo via Logs Insights: %d queries, %d GetQueryResults calls, %,d rows for %,d records, "
                + "%,d bytes scanned%n", stats.queries(), stats.resultCalls(), stats.rows(), stats.recordsMatched(),
                stats.bytesScanned());
        assertTrue(stats.rows() < stats.recordsMatched(), "AWS aggregated: " + stats.rows() + " rows for "
                + stats.recordsMatched() + " records");
        assertEquals(DemoScenario.edges(files.edges()), DemoScenario.edges(result.edges()));
    }
}
