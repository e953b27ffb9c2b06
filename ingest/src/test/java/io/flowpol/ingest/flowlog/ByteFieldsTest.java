package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteFieldsTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void fnv1aMatchesThePublishedTestVectors() {
        // Test vectors from the FNV reference (http://www.isthe.com/chongo/tech/comp/fnv/).
        assertEquals(0xcbf29ce484222325L, ByteFields.fnv1a(ascii(""), 0, 0));
        assertEquals(0xaf63dc4c8601ec8cL, ByteFields.fnv1a(ascii("a"), 0, 1));
        assertEquals(0x85944171f73967e8L, ByteFields.fnv1a(ascii("foobar"), 0, 6));
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
