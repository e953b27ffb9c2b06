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

    /** Start (inclusive) and end (exclusive) of each value of the last line split. */
    final int[] starts;
    final int[] ends;
    /** One bit per byte of the line, set where a space is (bit {@code b & 63} of word {@code b >> 6}). */
    private final long[] spaceBits = new long[MAX_FAST_LINE / Long.SIZE];

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
     */
    boolean split(byte[] buf, int start, int end) {
        int length = end - start;
        if (length > MAX_FAST_LINE) {
            return false;
        }
        long[] bits = spaceBits;
        int words = (length + Long.BYTES - 1) >>> 3;
        long unusual = 0;
        int spaces = 0;
        long block = 0;
        for (int k = 0; k < words; k++) {
            int i = start + (k << 3);
            long w = i + Long.BYTES <= end ? Swar.word(buf, i) : tail(buf, i, end);
            unusual |= Swar.unusual(w);
            long flags = Swar.spaces(w);
            spaces += Long.bitCount(flags);
            // Gathers the eight flag bits (bit 7 of each byte) into bits 56-63, lowest address lowest.
            block |= (((flags >>> 7) * 0x0102_0408_1020_4080L) >>> 56) << ((k & 7) << 3);
            if ((k & 7) == 7) {
                bits[k >>> 3] = block;
                block = 0;
            }
        }
        if ((words & 7) != 0) {
            bits[words >>> 3] = block;
        }
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
