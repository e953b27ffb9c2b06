package io.flowpol.ingest.flowlog;

/**
 * Cuts a flow-log line into its values for {@link FusedLineParser} (GitHub issue 7): eight bytes
 * at a time with {@link Swar}, for a line as AWS writes it — values separated by exactly one
 * space, printable ASCII. Anything else (a tab, repeated spaces, control or non-ASCII bytes, a
 * wrong number of values, a line over {@value #MAX_FAST_LINE} bytes) is refused, and the caller
 * falls back to the checked path. Reused per line; not thread-safe.
 */
final class ValueSplitter {
    /** Longer lines (no AWS format comes near) take the checked path. */
    static final int MAX_FAST_LINE = 512;
    private static final long FILLER = 0x6161_6161_6161_6161L;
    /** Bytes whose space flags make one word of the bitmap. */
    private static final int BLOCK = Long.SIZE;

    /** Start (inclusive) and end (exclusive) of each value of the last line split. */
    final int[] starts;
    final int[] ends;
    /**
     * One bit per byte of the line, set where a space is (bit {@code b & 63} of word {@code b >> 6});
     * one word more than a longest line needs, for the empty rest after its eight whole blocks.
     */
    private final long[] spaceBits = new long[MAX_FAST_LINE / Long.SIZE + 1];

    ValueSplitter(int columns) {
        starts = new int[Math.max(1, columns)];
        ends = new int[Math.max(1, columns)];
    }

    /**
     * Records where each value ends; false unless the line holds exactly one value per column
     * separated by single spaces, none empty, and only printable ASCII.
     * The spaces are first gathered into a bitmap, one bit per byte, and their positions taken
     * from it in one loop whose length is the column count: a branch per space found inside
     * each word was a mispredicted branch per word (issue 7: a third of the parse).
     * The bitmap is built 64 bytes at a time, eight words whose flags land at fixed places of one
     * bitmap word, and the spaces are counted once per bitmap word: a word at a time, with its
     * place in the bitmap word, a branch for the line's partial last word and a count per word,
     * the splitter was half the parse of a 23-field line (issue 13).
     */
    boolean split(byte[] buf, int start, int end) {
        int length = end - start;
        if (length > MAX_FAST_LINE) {
            return false;
        }
        long[] bits = spaceBits;
        long unusual = 0;
        int spaces = 0;
        int block = 0;
        int i = start;
        for (; i + BLOCK <= end; i += BLOCK) {
            long w0 = Swar.word(buf, i);
            long w1 = Swar.word(buf, i + 8);
            long w2 = Swar.word(buf, i + 16);
            long w3 = Swar.word(buf, i + 24);
            long w4 = Swar.word(buf, i + 32);
            long w5 = Swar.word(buf, i + 40);
            long w6 = Swar.word(buf, i + 48);
            long w7 = Swar.word(buf, i + 56);
            unusual |= Swar.unusual(w0) | Swar.unusual(w1) | Swar.unusual(w2) | Swar.unusual(w3)
                    | Swar.unusual(w4) | Swar.unusual(w5) | Swar.unusual(w6) | Swar.unusual(w7);
            long map = gather(w0) | gather(w1) << 8 | gather(w2) << 16 | gather(w3) << 24
                    | gather(w4) << 32 | gather(w5) << 40 | gather(w6) << 48 | gather(w7) << 56;
            bits[block++] = map;
            spaces += Long.bitCount(map);
        }
        // The rest of the line, under 64 bytes: whole words, then the partial last one.
        long map = 0;
        int shift = 0;
        for (; i + Long.BYTES <= end; i += Long.BYTES, shift += Byte.SIZE) {
            long w = Swar.word(buf, i);
            unusual |= Swar.unusual(w);
            map |= gather(w) << shift;
        }
        if (i < end) {
            long w = tail(buf, i, end);
            unusual |= Swar.unusual(w);
            map |= gather(w) << shift;
        }
        bits[block] = map;
        spaces += Long.bitCount(map);
        int last = ends.length - 1;
        if (unusual != 0 || spaces != last) {
            return false;
        }
        int[] from = starts;
        int[] to = ends;
        int index = 0;
        long mask = bits[0];
        int valueStart = start;
        // Negative as soon as one value is empty (a leading, trailing or repeated space).
        int empty = 0;
        for (int c = 0; c < last; c++) {
            while (mask == 0) {
                mask = bits[++index];
            }
            int space = start + (index << 6) + Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            from[c] = valueStart;
            to[c] = space;
            empty |= space - valueStart - 1;
            valueStart = space + 1;
        }
        from[last] = valueStart;
        to[last] = end;
        empty |= end - valueStart - 1;
        return empty >= 0;
    }

    /** One bit per byte of {@code w}, set where the byte is a space, lowest address lowest, in bits 0-7. */
    private static long gather(long w) {
        // The flag of each byte (its bit 7) multiplied into bits 56-63, then brought down.
        return ((Swar.spaces(w) >>> 7) * 0x0102_0408_1020_4080L) >>> 56;
    }

    /**
     * The last, partial word of a line, with the bytes past its end read as value bytes ('a'),
     * so that whatever follows the line in the buffer neither counts as a space nor as unusual.
     */
    private static long tail(byte[] buf, int i, int end) {
        int kept = end - i;
        long keep = -1L >>> ((Long.BYTES - kept) << 3);
        long w = 0;
        if (i + Long.BYTES <= buf.length) {
            w = Swar.word(buf, i);
        } else {
            for (int k = end - 1; k >= i; k--) {
                w = (w << 8) | (buf[k] & 0xFF);
            }
        }
        return (w & keep) | (FILLER & ~keep);
    }
}
