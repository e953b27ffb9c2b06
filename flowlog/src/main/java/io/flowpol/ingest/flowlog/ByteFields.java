package io.flowpol.ingest.flowlog;

/**
 * Primitive readers for the values of one flow-log field, straight from the line's bytes:
 * unsigned numbers, fixed ASCII words, a word-at-a-time key, and the printable rendering used only
 * when a value is reported as a problem. Lookup tables instead of branches, after jackson-core.
 */
final class ByteFields {
    /** Byte class: part of a value. */
    static final byte VALUE = 0;
    /** Byte class: separates values (space; tab tolerated for hand-edited files). */
    static final byte SEPARATOR = 1;
    /** Byte class: a control byte that no flow-log text contains (binary junk). */
    static final byte CONTROL = 2;

    static final byte[] CLASS = new byte[256];
    /** Decimal value of an ASCII digit, or -1. */
    static final byte[] DIGIT = new byte[256];
    /** Value of an ASCII hex digit, or -1. */
    static final byte[] HEX = new byte[256];

    private static final long KEY_SEED = 0xcbf29ce484222325L;
    private static final long KEY_MULTIPLIER = 0x9E3779B97F4A7C15L;
    /** 18 decimal digits always fit a long; flow-log counters never need more. */
    private static final int MAX_DIGITS = 18;

    static {
        for (int b = 0; b < 256; b++) {
            CLASS[b] = b < 0x20 || b == 0x7F ? CONTROL : VALUE;
            DIGIT[b] = -1;
            HEX[b] = -1;
        }
        CLASS[' '] = SEPARATOR;
        CLASS['\t'] = SEPARATOR;
        for (int d = 0; d < 10; d++) {
            DIGIT['0' + d] = (byte) d;
            HEX['0' + d] = (byte) d;
        }
        for (int h = 0; h < 6; h++) {
            HEX['a' + h] = (byte) (10 + h);
            HEX['A' + h] = (byte) (10 + h);
        }
    }

    private ByteFields() {
    }

    /** The unsigned decimal in {@code [start, end)}, or -1 when it is empty, not all digits or too long. */
    static long parseUnsigned(byte[] buf, int start, int end) {
        int length = end - start;
        if (length <= 0 || length > MAX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = DIGIT[buf[i] & 0xFF];
            if (digit < 0) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Whether {@code [start, end)} holds exactly the ASCII bytes of {@code word}. */
    static boolean equalsAscii(byte[] buf, int start, int end, byte[] word) {
        if (end - start != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (buf[start + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A 64-bit key for the value's bytes (the interface id): equal bytes give equal keys wherever
     * they sit and whatever surrounds them, and the key is stable across runs, so ENI keys can be
     * compared between files and sources. Eight bytes per multiply (issue 7: byte-wise FNV-1a
     * was a serial chain of 21 multiplies per ENI id); the length is mixed in, so a value and the
     * same value followed by NUL bytes differ.
     */
    static long valueKey(byte[] buf, int start, int end) {
        long h = KEY_SEED ^ (end - start) * KEY_MULTIPLIER;
        int i = start;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            h = mix(h ^ Swar.word(buf, i));
        }
        if (i < end) {
            long tail;
            if (i + Long.BYTES <= buf.length) {
                tail = Swar.word(buf, i) & (-1L >>> ((Long.BYTES - (end - i)) << 3));
            } else {
                tail = 0;
                for (int k = end - 1; k >= i; k--) {
                    tail = (tail << 8) | (buf[k] & 0xFF);
                }
            }
            h = mix(h ^ tail);
        }
        // Final avalanche (the murmur3 64-bit finaliser), so that every input bit reaches every key bit.
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static long mix(long h) {
        return Long.rotateLeft(h * KEY_MULTIPLIER, 31);
    }

    /** Whether the range holds only separators (a blank line). */
    static boolean isBlank(byte[] buf, int start, int end) {
        for (int i = start; i < end; i++) {
            if (CLASS[buf[i] & 0xFF] != SEPARATOR) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes as printable text for an error message: printable ASCII as is, anything else
     * as {@code \xNN}, cut after {@code max} bytes with the total length appended, so that a
     * junk line cannot garble the terminal or the report.
     */
    static String printable(byte[] buf, int start, int end, int max) {
        StringBuilder out = new StringBuilder(Math.min(end - start, max) + 16);
        int stop = Math.min(end, start + max);
        for (int i = start; i < stop; i++) {
            int b = buf[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                out.append((char) b);
            } else {
                out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            }
        }
        if (end > stop) {
            out.append("... (").append(end - start).append(" bytes)");
        }
        return out.toString();
    }
}
