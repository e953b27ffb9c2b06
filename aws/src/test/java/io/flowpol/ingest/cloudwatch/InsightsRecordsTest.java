package io.flowpol.ingest.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InputException;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import io.flowpol.ingest.flowlog.FlowLogLineParser;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightsRecordsTest {
    private static final FlowLogFormat FORMAT = FlowLogFormat.parse("${interface-id} ${srcaddr} ${dstaddr} ${srcport} "
            + "${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${pkt-srcaddr} ${pkt-dstaddr}");

    private static Map<String, String> trafficRow() {
        Map<String, String> row = new HashMap<>();
        row.put("v_interface_id", "eni-0abc");
        row.put("v_srcaddr", "10.0.1.5");
        row.put("v_dstaddr", "10.0.2.9");
        row.put("v_pkt_srcaddr", "10.0.1.77");
        row.put("v_pkt_dstaddr", "10.0.2.9");
        row.put("v_protocol", "6");
        row.put("v_action", "ACCEPT");
        row.put(InsightsQuery.SRC_PORT, "-1");
        row.put(InsightsQuery.DST_PORT, "443");
        row.put(InsightsQuery.PACKETS, "1.2E3");
        row.put(InsightsQuery.BYTES, "64000.0");
        row.put(InsightsQuery.FIRST, "1780000000");
        row.put(InsightsQuery.LAST, "1780000060");
        return row;
    }

    @Test
    void aTrafficRowBecomesTheRecordTheSameLineWouldParseTo() {
        FlowRecord fromRow = new FlowRecord();
        new InsightsRecords(FORMAT).fill(trafficRow(), true, "q", 1, fromRow);
        byte[] line = ("eni-0abc 10.0.1.5 10.0.2.9 " + InsightsRecords.EPHEMERAL_PORT
                + " 443 6 1200 64000 1780000000 1780000060 ACCEPT OK 10.0.1.77 10.0.2.9").getBytes(StandardCharsets.US_ASCII);
        FlowRecord fromLine = new FlowRecord();
        assertTrue(new FlowLogLineParser(FORMAT).parse(line, 0, line.length, fromLine));
        assertEquals(fromLine.toString(), fromRow.toString());
        assertEquals(fromLine.interfaceId, fromRow.interfaceId, "same ENI hash as record mode");
        assertEquals(1200, fromRow.packets);
        assertEquals(64000, fromRow.bytes);
        assertEquals(1_780_000_060_000L, fromRow.endMillis);
    }

    @Test
    void aStatusRowCarriesItsStatusAndNoTraffic() {
        Map<String, String> row = new HashMap<>();
        row.put("v_interface_id", "eni-0abc");
        row.put("v_log_status", "SKIPDATA");
        row.put(InsightsQuery.FIRST, "1780000000");
        row.put(InsightsQuery.LAST, "1780000060");
        FlowRecord record = new FlowRecord();
        new InsightsRecords(FORMAT).fill(row, false, "q", 1, record);
        assertEquals(FlowRecord.STATUS_SKIPDATA, record.logStatus);
        assertEquals(-1, record.packets);
        assertEquals(-1, record.srcPort);
        assertTrue(record.hasInterfaceId);
    }

    @Test
    void aValueTheFormatRejectsIsAnErrorNamingTheQueryAndRow() {
        Map<String, String> row = trafficRow();
        row.put("v_srcaddr", "not-an-ip");
        InputException e = assertThrows(InputException.class,
                () -> new InsightsRecords(FORMAT).fill(row, true, "cloudwatch-insights:/g#3", 7, new FlowRecord()));
        assertTrue(e.getMessage().startsWith("cloudwatch-insights:/g#3:7:"), e.getMessage());
    }
}
