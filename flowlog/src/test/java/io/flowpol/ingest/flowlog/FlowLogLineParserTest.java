package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlowLogLineParserTest {

    private final FlowRecord record = new FlowRecord();

    private static boolean parse(FlowLogLineParser parser, String line, FlowRecord out) {
        // Surround the line with junk so that offsets, not whole arrays, are honoured.
        byte[] bytes = ("#####" + line + "\n#").getBytes(StandardCharsets.ISO_8859_1);
        return parser.parse(bytes, 5, bytes.length - 2, out);
    }

    private static InputProblem problem(FlowLogLineParser parser, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(parser.parse(bytes, 0, bytes.length, new FlowRecord()), line);
        return parser.problem().toInputProblem("f.log", 7, bytes);
    }

    @Test
    void parsesTheAwsDocumentationV2AcceptLine() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.V2_DEFAULT);
        assertTrue(parse(parser, "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21"
                + " 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK", record));
        assertEquals(2, record.version);
        assertTrue(record.hasInterfaceId);
        assertEquals(ByteFields.valueKey("eni-1235b8ca123456789".getBytes(StandardCharsets.US_ASCII), 0, 21),
                record.interfaceId);
        assertEquals(IpAddress.parse("172.31.16.139"), new IpAddress(record.srcHi, record.srcLo));
        assertEquals(IpAddress.parse("172.31.16.21"), new IpAddress(record.dstHi, record.dstLo));
        assertEquals(20641, record.srcPort);
        assertEquals(22, record.dstPort);
        assertEquals(Protocol.TCP, record.protocol);
        assertEquals(20, record.packets);
        assertEquals(4249, record.bytes);
        assertEquals(1_418_530_010_000L, record.startMillis);
        assertEquals(1_418_530_070_000L, record.endMillis);
        assertEquals(FlowRecord.ACTION_ACCEPT, record.action);
        assertEquals(FlowRecord.STATUS_OK, record.logStatus);
        assertFalse(record.hasPktSrcAddr);
        assertEquals(-1, record.tcpFlags);
        assertEquals(FlowRecord.DIRECTION_NONE, record.flowDirection);
    }

    @Test
    void parsesCustomV5FieldsInTheirOwnOrder() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.parse("${version} ${vpc-id} ${srcaddr}"
                + " ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr} ${srcport} ${dstport} ${protocol} ${tcp-flags}"
                + " ${flow-direction} ${traffic-path} ${action} ${start} ${end} ${log-status}"));
        assertTrue(parse(parser, "5 vpc-0a1b 10.0.1.5 10.0.2.9 10.0.1.77 10.0.2.200 43512 8080 6 18 egress 1"
                + " REJECT 1700000000 1700000060 OK", record));
        assertEquals(5, record.version);
        assertEquals(IpAddress.parse("10.0.1.77"), new IpAddress(record.pktSrcHi, record.pktSrcLo));
        assertEquals(IpAddress.parse("10.0.2.200"), new IpAddress(record.pktDstHi, record.pktDstLo));
        assertTrue(record.hasPktSrcAddr && record.hasPktDstAddr);
        assertEquals(18, record.tcpFlags);
        assertEquals(FlowRecord.DIRECTION_EGRESS, record.flowDirection);
        assertEquals(1, record.trafficPath);
        assertEquals(FlowRecord.ACTION_REJECT, record.action);
        assertFalse(record.hasInterfaceId);
        assertTrue(parse(parser, "5 vpc-0a1b 10.0.1.5 10.0.2.9 - - 43512 8080 6 2 ingress - ACCEPT 1 2 OK", record));
        assertEquals(FlowRecord.DIRECTION_INGRESS, record.flowDirection);
        assertFalse(record.hasPktSrcAddr);
        assertEquals(-1, record.trafficPath);
    }

    @Test
    void dashLeavesEveryFieldAbsentAsInNodataRecords() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.V2_DEFAULT);
        assertTrue(parse(parser, "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA",
                record));
        assertEquals(FlowRecord.STATUS_NODATA, record.logStatus);
        assertFalse(record.hasSrcAddr);
        assertFalse(record.hasDstAddr);
        assertEquals(-1, record.srcPort);
        assertEquals(-1, record.protocol);
        assertEquals(-1, record.packets);
        assertEquals(FlowRecord.ACTION_NONE, record.action);
        assertEquals(1_431_280_876_000L, record.startMillis);
        assertTrue(parse(parser, "- - - - - - - - - - - - - SKIPDATA", record));
        assertEquals(FlowRecord.STATUS_SKIPDATA, record.logStatus);
        assertEquals(-1, record.version);
        assertEquals(-1, record.startMillis);
        assertFalse(record.hasInterfaceId);
    }

    @Test
    void parsesIpv6Addresses() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.V2_DEFAULT);
        assertTrue(parse(parser, "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105"
                + " 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK", record));
        assertEquals(IpAddress.parse("2001:db8:1234:a100:8d6e:3477:df66:f105"), new IpAddress(record.srcHi, record.srcLo));
        assertEquals(IpAddress.parse("2001:db8:1234:a102:3304:8879:34cf:4071"), new IpAddress(record.dstHi, record.dstLo));
    }

    @Test
    void differentInterfacesHashApartAndTheSameInterfaceHashesAlike() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.parse("interface-id"));
        FlowRecord other = new FlowRecord();
        assertTrue(parse(parser, "eni-0aaaaaaaaaaaaaaa1", record));
        assertTrue(parse(parser, "eni-0aaaaaaaaaaaaaaa2", other));
        assertNotEquals(record.interfaceId, other.interfaceId);
        assertTrue(parse(parser, "eni-0aaaaaaaaaaaaaaa1", other));
        assertEquals(record.interfaceId, other.interfaceId);
    }

    @Test
    void skipsValuesOfFieldsTheRecordDoesNotCarry() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.parse("account-id srcport ecs-task-arn reject-reason"));
        assertTrue(parse(parser, "unknown 443 arn:aws:ecs:us-east-1:1:task/x/y EC2MetadataNotAvailable", record));
        assertEquals(443, record.srcPort);
    }

    @Test
    void badValueIsReportedWithItsFieldAndTheValueFound() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.V2_DEFAULT);
        InputProblem p = problem(parser, "2 1 eni-1 10.0.0.1 10.0.0.2 443 70000 6 1 1 1 2 ACCEPT OK");
        assertEquals("dstport", p.field());
        assertEquals("f.log:7: dstport: expected a port 0-65535, found '70000'", p.message());
        assertEquals("srcaddr", problem(parser, "2 1 eni-1 10.0.0.300 10.0.0.2 443 80 6 1 1 1 2 ACCEPT OK").field());
        assertEquals("action", problem(parser, "2 1 eni-1 10.0.0.1 10.0.0.2 443 80 6 1 1 1 2 accept OK").field());
        assertEquals("log-status", problem(parser, "2 1 eni-1 10.0.0.1 10.0.0.2 443 80 6 1 1 1 2 ACCEPT FINE").field());
        assertEquals("start", problem(parser, "2 1 eni-1 10.0.0.1 10.0.0.2 443 80 6 1 1 1.5 2 ACCEPT OK").field());
        assertEquals("protocol", problem(parser, "2 1 eni-1 10.0.0.1 10.0.0.2 443 80 tcp 1 1 1 2 ACCEPT OK").field());
    }

    @Test
    void wrongValueCountIsReportedAsSuchRatherThanAsAShiftedColumn() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.V2_DEFAULT);
        InputProblem missing = problem(parser, "2 1 eni-1 10.0.0.2 443 80 6 1 1 1 2 ACCEPT OK");
        assertEquals("line", missing.field());
        assertTrue(missing.found().startsWith("13 values"), missing.found());
        InputProblem extra = problem(parser, "2 1 eni-1 10.0.0.1 10.0.0.2 443 80 6 1 1 1 2 ACCEPT OK extra");
        assertTrue(extra.found().startsWith("15 values"), extra.found());
        assertTrue(extra.expected().startsWith("14 space-separated values"), extra.expected());
    }

    @Test
    void binaryBytesAreReportedPrintably() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.V2_DEFAULT);
        InputProblem p = problem(parser, "2 1 eni-1 \u0001\u00ff\u0000junk");
        assertEquals("srcaddr", p.field());
        assertTrue(p.found().contains("\\x01\\xff\\x00junk"), p.found());
        assertTrue(p.message().chars().allMatch(c -> c >= 0x20 && c < 0x7F), p.message());
    }

    @Test
    void successfulParseAfterAFailureLeavesNoProblem() {
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.parse("srcport"));
        assertFalse(parse(parser, "x", record));
        assertEquals("srcport", parser.problem().field());
        assertTrue(parse(parser, "  80\t", record));
        assertEquals(80, record.srcPort);
        assertEquals(null, parser.problem().field());
    }
}
