package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FusedLineParserTest {
    private static final FlowLogFormat V5 = FlowLogFormat.parse("${version} ${vpc-id} ${interface-id} ${srcaddr}"
            + " ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr} ${srcport} ${dstport} ${protocol} ${tcp-flags} ${packets}"
            + " ${bytes} ${start} ${end} ${action} ${log-status} ${flow-direction} ${traffic-path}");
    private static final List<String> V2_LINES = List.of(
            "2 123456789010 eni-0a1 10.0.1.5 10.0.2.9 43512 8080 6 10 840 1700000000 1700000060 ACCEPT OK",
            "2 123456789010 eni-0b2 10.0.2.9 10.0.1.5 8080 43512 6 8 1200 1700000000 1700000060 REJECT OK",
            "2 123456789010 eni-0c3 - - - - - - - 1700000061 1700000120 - NODATA",
            "2 123456789010 eni-0c3 - - - - - - - 1700000061 1700000120 - SKIPDATA",
            "2 123456789010 eni-0a1 2001:db8::1 fd00::a 443 50000 6 3 180 1700000061 1700000120 ACCEPT OK",
            "2 123456789010 eni-0a1 10.0.1.5 10.0.2.9 1 65535 6 1234567890123456 12345678901 99999999999"
                    + " 99999999999 ACCEPT OK",
            "2 unknown eni-0a1 10.0.1.5 10.0.2.9 0 0 1 999999999999999999 0 1700000000 1700000060 ACCEPT OK");
    private static final List<String> V5_LINES = List.of(
            "5 vpc-1 eni-0a1 10.0.1.5 10.0.2.9 10.0.1.77 10.0.2.88 43512 8080 6 2 10 840 1700000000 1700000060"
                    + " ACCEPT OK egress 1",
            "5 vpc-1 eni-0a1 10.0.1.5 10.0.2.9 - - 43512 8080 17 - 1 84 1700000000 1700000060 ACCEPT OK ingress -");
    /** Bytes that make values wrong in every way the checked path reports. */
    private static final byte[] MUTATIONS = " \t-.:0159aZx\u0001\u007f\u00e9".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void wellFormedLinesTakeTheFastPathAndMatchTheCheckedPath() {
        for (String line : V2_LINES) {
            assertTrue(agree(FlowLogFormat.V2_DEFAULT, line.getBytes(StandardCharsets.ISO_8859_1)), line);
        }
        for (String line : V5_LINES) {
            assertTrue(agree(V5, line.getBytes(StandardCharsets.ISO_8859_1)), line);
        }
    }

    @Test
    void fastPathNeverAcceptsWhatTheCheckedPathRejectsNorParsesItDifferently() {
        Random random = new Random(7);
        int fastAccepted = 0;
        for (int round = 0; round < 20_000; round++) {
            boolean v5 = round % 3 == 0;
            List<String> lines = v5 ? V5_LINES : V2_LINES;
            byte[] line = lines.get(random.nextInt(lines.size())).getBytes(StandardCharsets.ISO_8859_1);
            for (int m = 1 + random.nextInt(2); m > 0; m--) {
                line[random.nextInt(line.length)] = MUTATIONS[random.nextInt(MUTATIONS.length)];
            }
            fastAccepted += agree(v5 ? V5 : FlowLogFormat.V2_DEFAULT, line) ? 1 : 0;
        }
        assertTrue(fastAccepted > 1000, "mutations that keep a line valid should still take the fast path");
    }

    @Test
    void tabsAndRepeatedSpacesLeaveTheFastPathAndParseAsTheCheckedPathDoes() {
        byte[] line = "2\t123456789010  eni-0a1 2001:db8::1 fd00::a 443 50000 6 3 180 1700000061 1700000120 ACCEPT OK  "
                .getBytes(StandardCharsets.US_ASCII);
        assertFalse(agree(FlowLogFormat.V2_DEFAULT, line));
        FlowRecord parsed = new FlowRecord();
        assertTrue(new FlowLogLineParser(FlowLogFormat.V2_DEFAULT).parse(line, 0, line.length, parsed));
        assertEquals(443, parsed.srcPort);
        assertEquals(1_700_000_120_000L, parsed.endMillis);
    }

    @Test
    void overLongNumberAndOutOfRangePortFallBackToTheCheckedPath() {
        byte[] longCount = ("2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1234567890123456789 1 1700000000 1700000060 ACCEPT OK")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] badPort = ("2 1 eni-1 10.0.0.1 10.0.0.2 65536 2 6 1 1 1700000000 1700000060 ACCEPT OK")
                .getBytes(StandardCharsets.US_ASCII);
        FusedLineParser fused = new FusedLineParser(FlowLogFormat.V2_DEFAULT);
        assertFalse(fused.parse(longCount, 0, longCount.length, new FlowRecord()));
        assertFalse(fused.parse(badPort, 0, badPort.length, new FlowRecord()));
        FlowLogLineParser parser = new FlowLogLineParser(FlowLogFormat.V2_DEFAULT);
        assertFalse(parser.parse(badPort, 0, badPort.length, new FlowRecord()));
        assertEquals("srcport", parser.problem().field());
    }

    /**
     * Whether the fast path accepted the line; fails when it accepted a line the checked path
     * rejects or filled any field differently.
     */
    private static boolean agree(FlowLogFormat format, byte[] line) {
        FlowRecord fast = new FlowRecord();
        FlowRecord checked = new FlowRecord();
        boolean fastOk = new FusedLineParser(format).parse(line, 0, line.length, fast);
        boolean checkedOk = new FlowLogLineParser(format).parseChecked(line, 0, line.length, checked);
        String text = new String(line, StandardCharsets.ISO_8859_1);
        if (fastOk) {
            assertTrue(checkedOk, "fast path accepted a line the checked path rejects: " + text);
            assertEquals(describe(checked), describe(fast), text);
        }
        return fastOk;
    }

    private static String describe(FlowRecord r) {
        return r.version + " " + r.interfaceId + "/" + r.hasInterfaceId + " " + r.srcHi + "." + r.srcLo + "/"
                + r.hasSrcAddr + " " + r.dstHi + "." + r.dstLo + "/" + r.hasDstAddr + " " + r.pktSrcHi + "."
                + r.pktSrcLo + "/" + r.hasPktSrcAddr + " " + r.pktDstHi + "." + r.pktDstLo + "/" + r.hasPktDstAddr
                + " " + r.srcPort + " " + r.dstPort + " " + r.protocol + " " + r.packets + " " + r.bytes + " "
                + r.startMillis + " " + r.endMillis + " " + r.action + " " + r.logStatus + " " + r.tcpFlags + " "
                + r.flowDirection + " " + r.trafficPath;
    }
}
