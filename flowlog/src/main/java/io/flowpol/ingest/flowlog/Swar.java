package io.flowpol.ingest.flowlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SIMD-within-a-register helpers for the fast parsing path (GitHub issue 7): eight bytes of a
 * line are classified or converted with a handful of long operations instead of eight table
 * lookups and branches. Words are read little-endian, so the byte at the lowest address is the
 * lowest byte of the word; every mask here is exact per byte (no false positives from carries),
 * which is what lets the caller take a flagged byte's position at face value.
 */
final class Swar {
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long LOWS = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    private static final long SPACES = 0x2020_2020_2020_2020L;
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    /** Added to a byte's low seven bits, sets its high bit exactly when they are 0x7F (DEL). */
    private static final long TO_DEL = ONES;
    /** Added to a byte's low seven bits, sets its high bit exactly when they are at least 0x20 (space). */
    private static final long FROM_SPACE = (0x80 - 0x20) * ONES;
    /** Added to a digit value, sets the high bit exactly when it exceeds 9 (Lemire's check). */
    private static final long ABOVE_NINE = (0x80 - 10) * ONES;

    private Swar() {
    }

    static long word(byte[] buf, int i) {
        return (long) LONGS.get(buf, i);
    }

    /** High bit set in each byte of {@code w} that is zero, and only there. */
    static long zeroBytes(long w) {
        return ~(((w & LOWS) + LOWS) | w | LOWS);
    }

    /** High bit set in each byte that is a space. */
    static long spaces(long w) {
        return zeroBytes(w ^ SPACES);
    }

    /**
     * High bit set in each byte no flow-log value holds and that is not the one separator the
     * fast path takes: control bytes and tab (below 0x20), DEL, and anything above ASCII.
     */
    static long unusual(long w) {
        // Per byte: high bit set (>= 0x80), or low seven bits 0x7F (DEL), or below 0x20. Each sum
        // stays below 0x100 (at most 0x7F + 0x60), so no byte carries into the next. Seven
        // operations where testing below '!' and then taking the spaces back out took seventeen
        // (issue 13: the splitter runs this on every eight bytes of every line).
        long low = w & LOWS;
        return ((low + TO_DEL) | w | ~(low + FROM_SPACE)) & HIGHS;
    }

    /**
     * The decimal value of the {@code length} (1-8) bytes that end at {@code end}, or -1 when one
     * of them is not an ASCII digit. Reads the eight bytes {@code [end - 8, end)}; the caller
     * guarantees {@code end >= 8}. The bytes before the value are masked to zeros, which read as
     * leading zeros.
     */
    static long digits(byte[] buf, int end, int length) {
        long mask = -1L << ((8 - length) << 3);
        long d = (word(buf, end - 8) ^ ZEROS) & mask;
        // XOR (not subtraction) keeps each byte apart: a non-digit becomes a value above 9, never a borrow.
        if ((((d + ABOVE_NINE) | d) & HIGHS) != 0) {
            return -1;
        }
        return eightDigits(d);
    }

    /**
     * Eight digit values (0-9, the most significant at the lowest byte) as one number, after
     * Lemire, "Faster integer parsing" (2018): pairs, then quads, then the eight.
     */
    static long eightDigits(long d) {
        d = d * 10 + (d >>> 8);
        return (((d & 0x0000_00FF_0000_00FFL) * (100 + (1_000_000L << 32)))
                + (((d >>> 16) & 0x0000_00FF_0000_00FFL) * (1 + (10_000L << 32)))) >>> 32;
    }
}
