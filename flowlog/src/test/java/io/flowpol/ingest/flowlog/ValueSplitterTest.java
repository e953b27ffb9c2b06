package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
}
