package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueSplitterTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String values(ValueSplitter splitter, byte[] line) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < splitter.starts.length; c++) {
            out.append('[').append(new String(line, splitter.starts[c], splitter.ends[c] - splitter.starts[c],
                    StandardCharsets.ISO_8859_1)).append(']');
        }
        return out.toString();
    }

    @Test
    void cutsALineIntoItsValuesAcrossWordAndBlockBoundaries() {
        // 3 values; then a line longer than 64 bytes so the space bitmap spans two blocks.
        ValueSplitter three = new ValueSplitter(3);
        byte[] line = ascii("ab c defghijklmnop");
        assertTrue(three.split(line, 0, line.length));
        assertEquals("[ab][c][defghijklmnop]", values(three, line));
        ValueSplitter many = new ValueSplitter(14);
        byte[] v2 = ascii("2 123456789010 eni-0123456789abcdef0 10.0.1.5 10.0.2.9 43512 8080 6 10 840"
                + " 1700000000 1700000060 ACCEPT OK");
        assertTrue(many.split(v2, 0, v2.length));
        assertEquals("[2][123456789010][eni-0123456789abcdef0][10.0.1.5][10.0.2.9][43512][8080][6][10][840]"
                + "[1700000000][1700000060][ACCEPT][OK]", values(many, v2));
    }

    @Test
    void readsOnlyItsOwnLineWhateverTheBufferHoldsAroundIt() {
        byte[] buf = ascii("x y\nab c d\nq r s t u");
        ValueSplitter three = new ValueSplitter(3);
        assertTrue(three.split(buf, 4, 10));
        assertEquals("[ab][c][d]", values(three, buf));
        // The last line of the array: its tail cannot be read as a whole word.
        ValueSplitter five = new ValueSplitter(5);
        assertTrue(five.split(buf, 11, buf.length));
        assertEquals("[q][r][s][t][u]", values(five, buf));
    }

    @Test
    void refusesWhatTheCheckedPathMustHandle() {
        ValueSplitter three = new ValueSplitter(3);
        for (String bad : new String[] {"a  b c", " a b c", "a b c ", "a\tb c", "a b", "a b c d", "a b \u00e9",
            "a b c\u0001", "a b \u007f"}) {
            byte[] line = ascii(bad);
            assertFalse(three.split(line, 0, line.length), bad);
        }
        byte[] longLine = ascii("a b " + "c".repeat(ValueSplitter.MAX_FAST_LINE));
        assertFalse(three.split(longLine, 0, longLine.length));
    }

    /**
     * Lines of every length up to the longest the fast path takes (so every number of whole
     * 64-byte blocks and every partial last word), mostly well formed, some with an unusual byte,
     * an empty value or a value too many, each with other bytes around it in the buffer: the
     * splitter agrees with a byte-by-byte reading of the rules on every one.
     */
    @Test
    void agreesWithAByteByByteReadingOnRandomLinesOfEveryLength() {
        Random random = new Random(29);
        byte[] odd = {'\t', 0, 1, 0x1f, 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xff};
        int accepted = 0;
        for (int round = 0; round < 40; round++) {
            for (int length = 1; length <= ValueSplitter.MAX_FAST_LINE + 8; length++) {
                byte[] line = new byte[length];
                for (int i = 0; i < length; i++) {
                    line[i] = (byte) ('a' + random.nextInt(26));
                }
                int spaces = Math.min(length / 2, 1 + random.nextInt(30));
                for (int k = 0; k < spaces; k++) {
                    line[random.nextInt(length)] = ' ';
                }
                if (random.nextInt(4) == 0) {
                    line[random.nextInt(length)] = odd[random.nextInt(odd.length)];
                }
                List<String> expected = values(line);
                int columns = expected != null && random.nextInt(8) != 0 ? expected.size() : 1 + random.nextInt(30);
                int before = random.nextInt(9);
                int after = random.nextInt(9);
                byte[] buf = new byte[before + length + after];
                for (int i = 0; i < buf.length; i++) {
                    buf[i] = random.nextBoolean() ? (byte) ' ' : odd[random.nextInt(odd.length)];
                }
                System.arraycopy(line, 0, buf, before, length);
                ValueSplitter splitter = new ValueSplitter(columns);
                boolean ok = splitter.split(buf, before, before + length);
                boolean valid = expected != null && expected.size() == columns && length <= ValueSplitter.MAX_FAST_LINE;
                String shown = new String(line, StandardCharsets.ISO_8859_1);
                assertEquals(valid, ok, shown);
                if (ok) {
                    accepted++;
                    List<String> got = new ArrayList<>();
                    for (int c = 0; c < columns; c++) {
                        got.add(new String(buf, splitter.starts[c], splitter.ends[c] - splitter.starts[c],
                                StandardCharsets.ISO_8859_1));
                    }
                    assertEquals(expected, got, shown);
                }
            }
        }
        // The test means nothing unless many lines were taken.
        assertTrue(accepted > 5_000, "accepted " + accepted);
    }

    /** The values of a line by the rules, byte by byte; null when a byte is unusual or a value empty. */
    private static List<String> values(byte[] line) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (byte b : line) {
            if (b < 0x20 || b >= 0x7f) {
                return null;
            }
            if (b == ' ') {
                if (value.length() == 0) {
                    return null;
                }
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append((char) b);
            }
        }
        if (value.length() == 0) {
            return null;
        }
        values.add(value.toString());
        return values;
    }
}
