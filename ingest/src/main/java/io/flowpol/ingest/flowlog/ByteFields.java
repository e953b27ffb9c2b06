package io.flowpol.ingest.flowlog;

/**
 * Primitive readers for the values of one flow-log field, straight from the line's bytes:
 * unsigned numbers, fixed ASCII words, an FNV-1a hash, and the printable rendering used only
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

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;
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

    /** 64-bit FNV-1a over the bytes: stable across runs, so ENI keys can be compared between files. */
    static long fnv1a(byte[] buf, int start, int end) {
        long hash = FNV_OFFSET;
        for (int i = start; i < end; i++) {
            hash ^= buf[i] & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
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
