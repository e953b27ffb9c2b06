package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ByteFieldsTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void valueKeyDependsOnTheValueBytesOnlyNotOnWhereTheySitOrWhatSurroundsThem() {
        byte[] alone = ascii("eni-0a1b2c3d4e5f67890");
        long key = ByteFields.valueKey(alone, 0, alone.length);
        for (String around : new String[] {"x eni-0a1b2c3d4e5f67890 tail", "2 123 eni-0a1b2c3d4e5f67890",
            "eni-0a1b2c3d4e5f67890eni-0ffffffffffffffff"}) {
            byte[] line = ascii(around);
            int s = around.indexOf("eni-0a1b");
            assertEquals(key, ByteFields.valueKey(line, s, s + alone.length), around);
        }
        // At the very end of the array, where the tail cannot be read as one word.
        byte[] atEnd = ascii("....eni-0a1b2c3d4e5f67890");
        assertEquals(key, ByteFields.valueKey(atEnd, 4, atEnd.length));
    }

    @Test
    void valueKeyTellsApartIdsThatDifferInOneByteOrInLength() {
        Set<Long> keys = new HashSet<>();
        String[] ids = {"eni-1", "eni-2", "eni-12", "eni-0a1b2c3d", "eni-0a1b2c3e", "eni-0a1b2c3d4e5f67890",
            "eni-0a1b2c3d4e5f67891", "eni-1a1b2c3d4e5f67890", "", "a"};
        for (String id : ids) {
            byte[] b = ascii(id);
            assertTrue(keys.add(ByteFields.valueKey(b, 0, b.length)), id);
        }
        byte[] nul = {'a', 0};
        assertTrue(keys.add(ByteFields.valueKey(nul, 0, 2)), "a followed by NUL");
    }

    @Test
    void parsesUnsignedDecimalsAndRejectsEverythingElse() {
        byte[] line = ascii("1418530010 -5 12a 0 999999999999999999 1234567890123456789");
        assertEquals(1418530010L, ByteFields.parseUnsigned(line, 0, 10));
        assertEquals(-1L, ByteFields.parseUnsigned(line, 11, 13));
        assertEquals(-1L, ByteFields.parseUnsigned(line, 14, 17));
        assertEquals(0L, ByteFields.parseUnsigned(line, 18, 19));
        assertEquals(999_999_999_999_999_999L, ByteFields.parseUnsigned(line, 20, 38));
        assertEquals(-1L, ByteFields.parseUnsigned(line, 39, 58));
        assertEquals(-1L, ByteFields.parseUnsigned(line, 5, 5));
    }

    @Test
    void printableEscapesControlAndHighBytesAndTruncates() {
        byte[] junk = {'a', 0, 'b', (byte) 0xFF, '\n'};
        assertEquals("a\\x00b\\xff\\x0a", ByteFields.printable(junk, 0, junk.length, 80));
        assertEquals("a\\x00... (5 bytes)", ByteFields.printable(junk, 0, junk.length, 2));
    }

    @Test
    void blankMeansOnlySpacesOrTabs() {
        assertTrue(ByteFields.isBlank(ascii(" \t "), 0, 3));
        assertTrue(ByteFields.isBlank(ascii(""), 0, 0));
        assertFalse(ByteFields.isBlank(ascii(" - "), 0, 3));
    }
}
