package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.IpAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 8: header and format checks, the UTF-8 byte order mark, records that end before they start. */
class FlowLogHeaderTest {
    private static final String V2_HEADER = FlowLogFormat.V2_DEFAULT.toString();
    private static final String LINE = "2 123456789010 eni-0a1 10.0.1.5 10.0.2.9 43512 8080 6 10 840 1700000000 1700000060 ACCEPT OK";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private final List<FlowRecord> records = new ArrayList<>();

    private Path write(String name, byte[] prefix, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return Files.write(dir.resolve(name), all);
    }

    private FlowLogStats read(FlowLogOptions options, Path file) {
        return new FlowLogReader(options).read(List.of(file), r -> {
            FlowRecord copy = new FlowRecord();
            copy.copyFrom(r);
            records.add(copy);
        });
    }

    @Test
    void forcedFormatThatDisagreesWithTheHeaderIsRefusedNamingBoth() throws IOException {
        String swapped = "version account-id interface-id dstaddr srcaddr srcport dstport protocol packets bytes start end action log-status";
        Path file = write("h.log", new byte[0], V2_HEADER + "\n" + LINE + "\n");

        InputException e = assertThrows(InputException.class,
                () -> read(new FlowLogOptions(FlowLogFormat.parse(swapped), false, 5), file));

        assertEquals(file.toString(), e.problem().file());
        assertEquals(1, e.problem().line());
        assertTrue(e.getMessage().contains("--flow-log-format"), e.getMessage());
        assertTrue(e.getMessage().contains(swapped) && e.getMessage().contains(V2_HEADER), e.getMessage());
        assertTrue(records.isEmpty());
    }

    @Test
    void forcedFormatThatAgreesWithTheHeaderReadsTheFile() throws IOException {
        Path file = write("h.log", new byte[0], V2_HEADER.replace("log-status", "log_status") + "\n" + LINE + "\n");

        read(new FlowLogOptions(FlowLogFormat.V2_DEFAULT, true, 5), file);

        assertEquals(1, records.size());
    }

    @Test
    void headerNamingAFieldTwiceIsRefused() throws IOException {
        Path file = write("h.log", new byte[0], V2_HEADER + " srcaddr\n" + LINE + " 10.0.0.1\n");

        InputException e = assertThrows(InputException.class, () -> read(FlowLogOptions.DEFAULTS, file));

        assertEquals(1, e.problem().line());
        assertTrue(e.getMessage().contains("'srcaddr' twice"), e.getMessage());
    }

    @Test
    void headerWithoutARequiredFieldIsRefusedNamingIt() throws IOException {
        Path file = write("h.log", new byte[0], V2_HEADER.replace(" protocol", "").replace(" dstport", "") + "\n");

        InputException e = assertThrows(InputException.class, () -> read(FlowLogOptions.DEFAULTS, file));

        assertEquals(1, e.problem().line());
        assertEquals("header", e.problem().field());
        assertTrue(e.getMessage().contains("dstport, protocol"), e.getMessage());
    }

    @Test
    void formatWithoutStartEndOrDstportLacksRequiredFields() {
        assertEquals(List.of(), FlowLogFormat.V2_DEFAULT.missingRequired());
        assertEquals(List.of("dstport", "start", "end"),
                FlowLogFormat.parse("srcaddr dstaddr srcport protocol action").missingRequired());
        assertEquals(List.of(), FlowLogFormat.parse("pkt-srcaddr pkt-dstaddr srcport dstport protocol start end action")
                .missingRequired());
    }

    @Test
    void byteOrderMarkBeforeTheHeaderIsStripped() throws IOException {
        Path file = write("bom.log", BOM, V2_HEADER + "\n" + LINE + "\n");

        FlowLogStats stats = read(new FlowLogOptions(null, true, 5), file);

        assertEquals(1, records.size());
        assertEquals(2, records.get(0).line);
        assertEquals(0, stats.malformed());
    }

    @Test
    void byteOrderMarkBeforeAFirstRecordIsStripped() throws IOException {
        Path file = write("bom.log", BOM, LINE + "\n");

        read(new FlowLogOptions(null, true, 5), file);

        assertEquals(1, records.size());
        assertEquals(2, records.get(0).version);
    }

    @Test
    void recordThatEndsBeforeItStartsIsMalformed() throws IOException {
        String backwards = LINE.replace("1700000000 1700000060", "1700000060 1700000000");
        Path file = write("b.log", new byte[0], backwards + "\n" + LINE + "\n");

        FlowLogStats stats = read(FlowLogOptions.DEFAULTS, file);

        assertEquals(1, records.size());
        assertEquals(1, stats.malformed());
        assertEquals(1, stats.problems().get(0).line());
        assertEquals("end", stats.problems().get(0).field());
    }

    @Test
    void fastAndCheckedPathsBothRefuseAnEndBeforeTheStart() {
        byte[] line = LINE.replace("1700000000 1700000060", "1700000060 1700000000").getBytes(StandardCharsets.US_ASCII);
        FlowRecord out = new FlowRecord();

        assertFalse(new FusedLineParser(FlowLogFormat.V2_DEFAULT).parse(line, 0, line.length, out));
        FlowLogLineParser checked = new FlowLogLineParser(FlowLogFormat.V2_DEFAULT);
        assertFalse(checked.parseChecked(line, 0, line.length, out));
        assertEquals("end", checked.problem().field());
        byte[] same = LINE.replace("1700000000 1700000060", "1700000000 1700000000").getBytes(StandardCharsets.US_ASCII);
        assertTrue(checked.parse(same, 0, same.length, out));
        assertEquals(IpAddress.parse("10.0.1.5"), new IpAddress(out.srcHi, out.srcLo));
    }
}
