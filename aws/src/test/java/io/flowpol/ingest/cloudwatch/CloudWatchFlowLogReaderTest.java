package io.flowpol.ingest.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class CloudWatchFlowLogReaderTest {
    private static final String GROUP = "/vpc/flow-logs";
    private static final long T0 = 1_780_000_000_000L;

    private CloudWatchLogsTestServer server;
    private CloudWatchLogsClient client;

    @BeforeEach
    void start() throws IOException {
        server = new CloudWatchLogsTestServer(3);
        client = server.clientBuilder(Region.US_EAST_1)
                .overrideConfiguration(o -> o.retryStrategy(
                        software.amazon.awssdk.awscore.retry.AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(4).build()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** Collects what the real flow-log parser hands over: ENI hash and source port per record. */
    private static final class Collecting implements FlowSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void accept(FlowRecord r) {
            lines.add(r.sourceId + ":" + r.line + ":" + r.interfaceId + ":" + r.srcPort);
        }
    }

    private void putStream(String stream, int events) {
        for (int i = 0; i < events; i++) {
            server.put(GROUP, stream, T0 + i * 1000L, "2 123 " + stream + " 10.0.1.5 10.0.2.9 " + (40000 + i) + " 80 6 1 60 1 2 ACCEPT OK");
        }
    }

    @Test
    void readsEveryPageOfEveryStreamInTheWindowInTimeOrder() {
        putStream("eni-a-all", 10);
        putStream("eni-b-all", 7);
        server.put(GROUP, "eni-c-all", T0 - 3_600_000, "2 123 eni-c 10.0.1.6 10.0.2.9 1 80 6 1 60 1 2 ACCEPT OK");
        Collecting parser = new Collecting();
        CloudWatchStats stats = new CloudWatchFlowLogReader(client, 4_000, null).read(
                new CloudWatchSource(GROUP, "eni-", T0, T0 + 60_000, 3), FlowLogFormat.V2_DEFAULT, false, parser);
        assertEquals(17, parser.lines.size());
        assertEquals(17, stats.events());
        assertEquals(2, stats.streams(), "the event outside the window is not read");
        assertTrue(stats.filterCalls() >= 15, "15 slices of 4 s, some with two pages of 3 events");
        List<Long> ports = parser.lines.stream().map(l -> Long.parseLong(l.substring(l.lastIndexOf(':') + 1))).toList();
        for (int i = 1; i < ports.size(); i++) {
            assertTrue(ports.get(i - 1) <= ports.get(i), "events of all streams interleave in time order: " + ports);
        }
        String tenth = parser.lines.stream().filter(l -> l.endsWith(":40009")).findFirst().orElseThrow();
        assertTrue(tenth.contains(":10:"), "events are numbered per stream: " + tenth);
    }

    @Test
    void anInterruptedReadResumesFromTheCheckpointWithoutRefetchingOrCountingTwice(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path checkpoint) {
        putStream("eni-a", 40);
        putStream("eni-b", 40);
        CloudWatchSource window = new CloudWatchSource(GROUP, null, T0, T0 + 40_000, 1);
        Collecting all = new Collecting();
        new CloudWatchFlowLogReader(client, 4_000, null).read(window, FlowLogFormat.V2_DEFAULT, false, all);

        // 10 slices of 4 s, 8 events each = 3 pages of 3: the outage hits the third slice.
        server.outageAfter(server.filterCalls.get() + 7, 100);
        assertThrows(InputException.class, () -> new CloudWatchFlowLogReader(client, 4_000, checkpoint)
                .read(window, FlowLogFormat.V2_DEFAULT, false, new Collecting()));
        server.outageAfter(Long.MAX_VALUE, 0);
        long before = server.filterCalls.get();
        Collecting resumed = new Collecting();
        CloudWatchStats stats = new CloudWatchFlowLogReader(client, 4_000, checkpoint)
                .read(window, FlowLogFormat.V2_DEFAULT, false, resumed);
        assertEquals(2, stats.slicesFromCheckpoint(), "the two finished slices came from the checkpoint: " + stats);
        assertEquals(8 * 3, server.filterCalls.get() - before, "only the eight other slices were fetched again");
        assertEquals(all.lines, resumed.lines, "the same records, once each, in the same order");
    }

    @Test
    void throttlingAndServerErrorsAreRetriedWithoutLosingOrRepeatingEvents() {
        putStream("eni-a", 8);
        server.inject(CloudWatchLogsTestServer.Fault.THROTTLE);
        server.inject(CloudWatchLogsTestServer.Fault.THROTTLE);
        server.inject(CloudWatchLogsTestServer.Fault.SERVER_ERROR);
        Collecting parser = new Collecting();
        CloudWatchStats stats = new CloudWatchFlowLogReader(client).read(
                new CloudWatchSource(GROUP, null, T0, T0 + 60_000, 1), FlowLogFormat.V2_DEFAULT, false, parser);
        assertEquals(3, stats.retries(), "each retried attempt is counted (issue 12 item 13): " + stats);
        assertEquals(8, parser.lines.size());
        assertEquals(8, parser.lines.stream().distinct().count());
    }

    @Test
    void aMalformedEventIsCountedWithItsStreamAndNumber() {
        server.put(GROUP, "eni-a", T0, "2 123 eni-a 10.0.1.5 10.0.2.9 40000 80 6 1 60 1 2 ACCEPT OK");
        server.put(GROUP, "eni-a", T0 + 1, "junk");
        Collecting parser = new Collecting();
        CloudWatchStats stats = new CloudWatchFlowLogReader(client).read(
                new CloudWatchSource(GROUP, null, T0, T0 + 60_000, 1), FlowLogFormat.V2_DEFAULT, false, parser);
        assertEquals(1, stats.malformed());
        assertTrue(stats.problems().get(0).message().startsWith("cloudwatch:/vpc/flow-logs/eni-a:2: "),
                stats.problems().get(0).message());
        InputException strict = assertThrows(InputException.class, () -> new CloudWatchFlowLogReader(client).read(
                new CloudWatchSource(GROUP, null, T0, T0 + 60_000, 1), FlowLogFormat.V2_DEFAULT, true, new Collecting()));
        assertTrue(strict.getMessage().startsWith("cloudwatch:/vpc/flow-logs/eni-a:2:"), strict.getMessage());
    }

    /** Issue 12 item 13: an event without the message it exists for is malformed, not a crash or a record. */
    @Test
    void anEventWithoutAMessageIsMalformedWithItsStreamAndNumber() {
        server.put(GROUP, "eni-a", T0, "2 123 eni-a 10.0.1.5 10.0.2.9 40000 80 6 1 60 1 2 ACCEPT OK");
        server.put(GROUP, "eni-a", T0 + 1, null);
        Collecting parser = new Collecting();
        CloudWatchStats stats = new CloudWatchFlowLogReader(client).read(
                new CloudWatchSource(GROUP, null, T0, T0 + 60_000, 1), FlowLogFormat.V2_DEFAULT, false, parser);
        assertEquals(1, parser.lines.size());
        assertEquals(1, stats.malformed());
        assertEquals("cloudwatch:/vpc/flow-logs/eni-a:2: message: expected a flow-log record, found no message",
                stats.problems().get(0).message());
    }

    @Test
    void aMissingLogGroupIsAnInputErrorNamingIt() {
        InputException e = assertThrows(InputException.class, () -> new CloudWatchFlowLogReader(client).read(
                new CloudWatchSource("/nope", null, T0, T0 + 1, 1), FlowLogFormat.V2_DEFAULT, false, new Collecting()));
        assertTrue(e.getMessage().contains("/nope"), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
