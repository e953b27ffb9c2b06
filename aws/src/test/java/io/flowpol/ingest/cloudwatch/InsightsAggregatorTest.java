package io.flowpol.ingest.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import java.io.IOException;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class InsightsAggregatorTest {
    private static final String GROUP = "/vpc/flow-logs";
    /** A whole hour, so that the window is exactly two one-hour slices. */
    private static final long T0 = 1_780_000_020_000L - 1_780_000_020_000L % 3_600_000;
    private static final long WINDOW = 2 * 3_600_000L;
    private static final FlowLogFormat FORMAT = FlowLogFormat.parse("${version} ${account-id} ${interface-id} ${srcaddr} "
            + "${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} "
            + "${tcp-flags} ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction}");
    /** The test knows which ports are servers' (50051 lies in the ephemeral range on purpose). */
    private static final Set<Integer> SERVER_PORTS = Set.of(80, 5432, 50051);
    private static final InsightsOptions FAST = new InsightsOptions(60_000, 3_600_000, 10_000, 0);

    private CloudWatchLogsTestServer server;
    private CloudWatchLogsClient client;
    private long okEvents;

    @BeforeEach
    void start() throws IOException {
        server = new CloudWatchLogsTestServer(500);
        client = server.clientBuilder(Region.US_EAST_1).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /**
     * Pod-to-pod connections across nodes, each logged as four records (request and reply at
     * the client's and the server's ENI, DESIGN.md facts 1 and 2), plus NODATA and SKIPDATA.
     */
    private void putTraffic(int connections) {
        Random random = new Random(42);
        for (int c = 0; c < connections; c++) {
            int client = random.nextInt(6);
            int srv = random.nextInt(4);
            int port = new int[] {80, 5432, 50051}[srv % 3];
            int eph = 32768 + random.nextInt(28232);
            long start = (T0 + random.nextInt((int) (WINDOW / 1000)) * 1000L) / 1000;
            String cPod = "10.0.1." + (10 + client);
            String sPod = "10.0.2." + (10 + srv);
            String cEni = "eni-c" + client % 3;
            String sEni = "eni-s" + srv % 2;
            String cNode = "10.0.1." + (client % 3);
            String sNode = "10.0.2." + (srv % 2);
            int packets = 1 + random.nextInt(9);
            put(cEni, start, cNode, sPod, eph, port, packets, 2, cPod, sPod, "egress");
            put(sEni, start, cPod, sNode, eph, port, packets, 2, cPod, sPod, "ingress");
            put(sEni, start, sNode, cPod, port, eph, packets + 1, 18, sPod, cPod, "egress");
            put(cEni, start, sPod, cNode, port, eph, packets + 1, 18, sPod, cPod, "ingress");
        }
        server.put(GROUP, "eni-c0", T0 + 5_000, "5 123 eni-c0 - - - - - - - " + (T0 / 1000 + 5) + " " + (T0 / 1000 + 65) + " - SKIPDATA - - - -");
        server.put(GROUP, "eni-c0", T0 + 65_000, "5 123 eni-c0 - - - - - - - " + (T0 / 1000 + 65) + " " + (T0 / 1000 + 125) + " - SKIPDATA - - - -");
        server.put(GROUP, "eni-s1", T0 + 7_000, "5 123 eni-s1 - - - - - - - " + (T0 / 1000 + 7) + " " + (T0 / 1000 + 67) + " - NODATA - - - -");
    }

    private void put(String eni, long start, String src, String dst, int sport, int dport, int packets, int flags,
                     String pktSrc, String pktDst, String direction) {
        okEvents++;
        server.put(GROUP, eni, start * 1000, "5 123 " + eni + " " + src + " " + dst + " " + sport + " " + dport + " 6 "
                + packets + " " + packets * 100 + " " + start + " " + (start + 30) + " ACCEPT OK " + flags + " " + pktSrc
                + " " + pktDst + " " + direction);
    }

    /**
     * Per (client, server, server port, protocol, start minute, ENI, flags): packets and bytes,
     * oriented by the test's own knowledge of the server ports, never by the code under test.
     */
    private static final class Totals implements io.flowpol.inference.model.FlowSink {
        final Map<String, long[]> totals = new TreeMap<>();
        long skipdata;

        @Override
        public void accept(FlowRecord r) {
            if (r.logStatus == FlowRecord.STATUS_SKIPDATA) {
                skipdata++;
                return;
            }
            if (r.logStatus != FlowRecord.STATUS_OK) {
                return;
            }
            IpAddress src = new IpAddress(r.pktSrcHi, r.pktSrcLo);
            IpAddress dst = new IpAddress(r.pktDstHi, r.pktDstLo);
            boolean srcIsServer = SERVER_PORTS.contains(r.srcPort) && !(SERVER_PORTS.contains(r.dstPort) && r.tcpFlags == 2);
            String key = (srcIsServer ? dst + " -> " + src + ":" + r.srcPort : src + " -> " + dst + ":" + r.dstPort)
                    + " p" + r.protocol + " m" + r.startMillis / 60_000 + " " + r.interfaceId + " f" + r.tcpFlags
                    + " d" + r.flowDirection;
            long[] t = totals.computeIfAbsent(key, k -> new long[2]);
            t[0] += r.packets;
            t[1] += r.bytes;
        }
    }

    private static String describe(Map<String, long[]> totals) {
        StringBuilder out = new StringBuilder();
        totals.forEach((k, v) -> out.append(k).append(" = ").append(v[0]).append('/').append(v[1]).append('\n'));
        return out.toString();
    }

    private Totals recordMode() {
        Totals totals = new Totals();
        new CloudWatchFlowLogReader(client).read(new CloudWatchSource(GROUP, null, T0, T0 + WINDOW, 2), FORMAT, true, totals);
        return totals;
    }

    @Test
    void insightsAndRecordModeGiveTheSameTotalsPerClientServerPortAndMinute() {
        putTraffic(200);
        Totals expected = recordMode();
        Totals pushed = new Totals();
        InsightsStats stats = new InsightsAggregator(client, FAST).read(
                new CloudWatchSource(GROUP, null, T0, T0 + WINDOW, 1), FORMAT, pushed);
        assertEquals(describe(expected.totals), describe(pushed.totals));
        assertEquals(2, pushed.skipdata, "one row per ENI and minute of SKIPDATA");
        assertEquals(2, stats.skipdata());
        assertEquals(1, stats.nodata());
        assertEquals(okEvents + 3, stats.recordsMatched());
        assertTrue(stats.rows() < okEvents, stats.rows() + " rows for " + okEvents + " records");
        assertEquals(4, stats.queries(), "two slices of one hour, a traffic and a status query each");
        assertEquals(server.startQueryCalls.get(), stats.queries());
        assertTrue(stats.bytesScanned() > 0);
    }

    @Test
    void aWindowThatDoesNotStartOrEndOnABinGivesTheSameTotalsAsRecordMode() {
        putTraffic(100);
        CloudWatchSource window = new CloudWatchSource(GROUP, null, T0 + 30_000, T0 + WINDOW - 90_000, 1);
        Totals expected = new Totals();
        new CloudWatchFlowLogReader(client).read(window, FORMAT, true, expected);
        Totals pushed = new Totals();
        new InsightsAggregator(client, new InsightsOptions(60_000, 3_600_000, 25, 0)).read(window, FORMAT, pushed);
        assertEquals(describe(expected.totals), describe(pushed.totals));
    }

    @Test
    void aResultThatReachesTheRowLimitIsHalvedUntilItFits() {
        putTraffic(120);
        Totals expected = recordMode();
        Totals pushed = new Totals();
        InsightsStats stats = new InsightsAggregator(client, new InsightsOptions(60_000, 3_600_000, 30, 0)).read(
                new CloudWatchSource(GROUP, null, T0, T0 + WINDOW, 1), FORMAT, pushed);
        assertTrue(stats.splits() > 0);
        assertEquals(describe(expected.totals), describe(pushed.totals));
    }

    @Test
    void theClientsEphemeralPortIsDroppedUnlessTheServerPortIsEphemeralToo() {
        putTraffic(100);
        Map<Integer, Integer> otherPort = new TreeMap<>();
        new InsightsAggregator(client, FAST).read(new CloudWatchSource(GROUP, null, T0, T0 + WINDOW, 1), FORMAT, r -> {
            if (r.logStatus == FlowRecord.STATUS_OK) {
                int server = SERVER_PORTS.contains(r.srcPort) ? r.srcPort : r.dstPort;
                int other = server == r.srcPort ? r.dstPort : r.srcPort;
                otherPort.merge(server, other == InsightsRecords.EPHEMERAL_PORT ? 1 : 0, (a, b) -> a == b ? a : -1);
            }
        });
        assertEquals(Map.of(80, 1, 5432, 1, 50051, 0), otherPort,
                "80 and 5432 always with the placeholder, 50051 (ephemeral range) always with the real port");
    }

    @Test
    void queriesArePolledUntilTheyComplete() {
        putTraffic(10);
        server.runningPolls(3);
        InsightsStats stats = new InsightsAggregator(client, FAST).read(
                new CloudWatchSource(GROUP, null, T0, T0 + 3_600_000, 1), FORMAT, new Totals());
        assertEquals(2, stats.queries());
        assertEquals(8, stats.resultCalls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Failed", "Cancelled", "Timeout"})
    void aQueryThatDoesNotCompleteIsAnErrorSayingHowItEnded(String status) {
        putTraffic(10);
        server.endNextQuery(status);
        InputException e = assertThrows(InputException.class, () -> new InsightsAggregator(client, FAST).read(
                new CloudWatchSource(GROUP, null, T0, T0 + WINDOW, 1), FORMAT, new Totals()));
        assertTrue(e.getMessage().startsWith("cloudwatch-insights:/vpc/flow-logs:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("ended " + status), e.getMessage());
    }

    @Test
    void theV2DefaultFormatIsRefusedBecauseItsFlowsJoinOnlyOnBothPorts() {
        InputException e = assertThrows(InputException.class, () -> new InsightsAggregator(client, FAST).read(
                new CloudWatchSource(GROUP, null, T0, T0 + WINDOW, 1), FlowLogFormat.V2_DEFAULT, new Totals()));
        assertTrue(e.getMessage().contains("pkt-"), e.getMessage());
        assertTrue(e.getMessage().contains("record mode"), e.getMessage());
        assertEquals(0, server.startQueryCalls.get());
    }

    @Test
    void oneBinWithMoreRowsThanAQueryMayReturnIsRefused() {
        putTraffic(50);
        InputException e = assertThrows(InputException.class, () -> new InsightsAggregator(client,
                new InsightsOptions(60_000, 3_600_000, 1, 0)).read(
                new CloudWatchSource(GROUP, null, T0, T0 + WINDOW, 1), FORMAT, new Totals()));
        assertTrue(e.getMessage().contains("record mode"), e.getMessage());
    }

    @Test
    void aStreamPrefixLimitsTheQueryToThoseStreams() {
        putTraffic(50);
        Totals pushed = new Totals();
        new InsightsAggregator(client, FAST).read(new CloudWatchSource(GROUP, "eni-s", T0, T0 + WINDOW, 1), FORMAT, pushed);
        Totals recorded = new Totals();
        new CloudWatchFlowLogReader(client).read(new CloudWatchSource(GROUP, "eni-s", T0, T0 + WINDOW, 1), FORMAT, true, recorded);
        assertTrue(!pushed.totals.isEmpty());
        assertEquals(describe(recorded.totals), describe(pushed.totals));
    }

    /** Issue 12 item 13: a row without the query's fields is malformed, never a record of "-" values. */
    @Test
    void aRowWithoutTheFieldsTheQueryAskedForIsAnErrorNamingTheQueryAndRow() {
        putTraffic(10);
        server.pointerRowsOnly();
        java.util.List<FlowRecord> accepted = new java.util.ArrayList<>();
        InputException e = assertThrows(InputException.class, () -> new InsightsAggregator(client, FAST).read(
                new CloudWatchSource(GROUP, null, T0, T0 + WINDOW, 1), FORMAT, accepted::add));
        assertEquals("cloudwatch-insights:/vpc/flow-logs#1", e.problem().file(), e.getMessage());
        assertEquals(1, e.problem().line(), e.getMessage());
        assertTrue(e.getMessage().contains("v_interface_id"), e.getMessage());
        assertTrue(e.getMessage().contains("found only @ptr"), e.getMessage());
        assertEquals(0, accepted.size(), "no record passed on");
    }

    /** Issue 12 item 13: records matched and no row returned is a broken answer, not "no traffic". */
    @Test
    void aQueryThatMatchedRecordsButReturnedNoRowsIsAnError() {
        putTraffic(10);
        server.noRows();
        InputException e = assertThrows(InputException.class, () -> new InsightsAggregator(client, FAST).read(
                new CloudWatchSource(GROUP, null, T0, T0 + WINDOW, 1), FORMAT, new Totals()));
        assertTrue(e.getMessage().startsWith("cloudwatch-insights:/vpc/flow-logs#1: "), e.getMessage());
        assertTrue(e.getMessage().contains("found no rows"), e.getMessage());
    }

    @Test
    void throttledAndFailedInsightsCallsAreRetriedAndCounted() {
        putTraffic(10);
        server.injectInsights(CloudWatchLogsTestServer.Fault.THROTTLE);
        server.injectInsights(CloudWatchLogsTestServer.Fault.SERVER_ERROR);
        Totals pushed = new Totals();
        InsightsStats stats = new InsightsAggregator(client, FAST).read(
                new CloudWatchSource(GROUP, null, T0, T0 + 3_600_000, 1), FORMAT, pushed);
        assertEquals(2, stats.retries(), stats.toString());
        assertEquals(2, stats.queries());
        Totals clean = new Totals();
        InsightsStats again = new InsightsAggregator(client, FAST).read(
                new CloudWatchSource(GROUP, null, T0, T0 + 3_600_000, 1), FORMAT, clean);
        assertEquals(0, again.retries(), again.toString());
        assertEquals(describe(clean.totals), describe(pushed.totals));
    }
}
