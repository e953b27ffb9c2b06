package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SwarTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The byte positions flagged in a mask, as a string of 0/1 from the lowest address. */
    private static String flags(long mask) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append((mask >>> (i * 8 + 7) & 1) == 1 ? '1' : '0');
        }
        return out.toString();
    }

    @Test
    void spacesFlagsExactlyTheSpaceBytes() {
        assertEquals("01000011", flags(Swar.spaces(Swar.word(ascii("a b!\"#  "), 0))));
        assertEquals("00000000", flags(Swar.spaces(Swar.word(ascii("\u00a0\t!~0aZ_"), 0))));
    }

    @Test
    void unusualFlagsControlTabDelAndNonAsciiButNotSpaceOrPrintable() {
        assertEquals("00000000", flags(Swar.unusual(Swar.word(ascii(" !~09azZ"), 0))));
        assertEquals("10110011", flags(Swar.unusual(Swar.word(ascii("\tA\u0000\u001fB \u007f\u00e9"), 0))));
    }

    @Test
    void everyByteValueIsClassifiedAsTheCheckedPathsTableSaysInEveryPosition() {
        for (int b = 0; b < 256; b++) {
            for (int position = 0; position < 8; position++) {
                byte[] word = ascii("aaaaaaaa");
                word[position] = (byte) b;
                long w = Swar.word(word, 0);
                boolean space = b == ' ';
                boolean unusual = b >= 0x80 || (ByteFields.CLASS[b] != ByteFields.VALUE && !space);
                assertEquals(space ? 1L << (position * 8 + 7) : 0L, Swar.spaces(w), "byte " + b);
                assertEquals(unusual ? 1L << (position * 8 + 7) : 0L, Swar.unusual(w), "byte " + b);
            }
        }
    }

    /**
     * Whatever the neighbouring bytes hold: a SWAR mask that let a carry cross from one byte into
     * the next would flag the wrong byte, which a word of one odd byte among 'a's cannot show.
     */
    @Test
    void randomWordsAreClassifiedBytePerByte() {
        Random random = new Random(13);
        // Half the bytes at the edges of the classes, so that mixed words of them are common.
        int[] edges = {0x00, 0x09, 0x1F, 0x20, 0x21, 0x30, 0x61, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xDF, 0xE0, 0xFF};
        byte[] word = new byte[8];
        for (int i = 0; i < 1_000_000; i++) {
            for (int position = 0; position < 8; position++) {
                word[position] = (byte) (random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt(256));
            }
            long expectedSpaces = 0;
            long expectedUnusual = 0;
            for (int position = 0; position < 8; position++) {
                int b = word[position] & 0xFF;
                long bit = 1L << (position * 8 + 7);
                if (b == ' ') {
                    expectedSpaces |= bit;
                } else if (b >= 0x80 || ByteFields.CLASS[b] != ByteFields.VALUE) {
                    expectedUnusual |= bit;
                }
            }
            long w = Swar.word(word, 0);
            assertEquals(expectedSpaces, Swar.spaces(w), () -> java.util.HexFormat.of().formatHex(word));
            assertEquals(expectedUnusual, Swar.unusual(w), () -> java.util.HexFormat.of().formatHex(word));
        }
    }

    @Test
    void digitsReadsOneToEightDigitsEndingAtTheGivenIndexWhateverPrecedesThem() {
        byte[] line = ascii("xx 12345678 7 40000 00080 99999999");
        assertEquals(12_345_678L, Swar.digits(line, 11, 8));
        assertEquals(7L, Swar.digits(line, 13, 1));
        assertEquals(40_000L, Swar.digits(line, 19, 5));
        assertEquals(80L, Swar.digits(line, 25, 5));
        assertEquals(99_999_999L, Swar.digits(line, 34, 8));
        assertEquals(5_678L, Swar.digits(line, 11, 4));
    }

    @Test
    void digitsRejectsAnyNonDigitByteInTheValue() {
        for (String bad : new String[] {"1234567/", "/2345678", "123:5678", "12a45678", "1234 678", "-1"}) {
            byte[] b = ascii("........" + bad);
            assertEquals(-1L, Swar.digits(b, b.length, bad.length()), bad);
        }
    }

    @Test
    void digitsAgreesWithTheScalarParserOnRandomNumbers() {
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            int length = 1 + random.nextInt(8);
            StringBuilder text = new StringBuilder("########");
            for (int d = 0; d < length; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            byte[] b = ascii(text.toString());
            assertEquals(ByteFields.parseUnsigned(b, 8, b.length), Swar.digits(b, b.length, length), text.toString());
        }
    }
}
