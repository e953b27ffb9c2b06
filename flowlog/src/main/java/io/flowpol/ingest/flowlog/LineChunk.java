package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.InputProblem;
import java.util.Arrays;

/**
 * Lines of one file cut off its stream by the thread that holds the file's reader
 * ({@link FlowLogReader#cut}), for any worker to parse ({@link ChunkParser}) while the next
 * lines are cut (GitHub issue 13: an S3 delivery file is one gzip stream, and one thread parsing
 * it kept the other core idle). The lines are copied without their terminators, end to end, so
 * line {@code i} is {@code text[ends[i - 1], ends[i])}; nothing is searched for twice.
 *
 * <p>A few are in use at a time ({@link ParsePool}), each reused for chunk after chunk.
 */
final class LineChunk {
    String name;
    int sourceId;
    FlowLogFormat format;
    /** The input's line number of the first line. */
    long firstLine;
    byte[] text = new byte[64 * 1024];
    int[] ends = new int[256];
    int lines;
    /**
     * The line after the others, too long to copy (over {@link LineScanner#MAX_LINE}): its problem,
     * counted after the others' (a chunk ends at it, so samples and a strict failure keep line order).
     */
    InputProblem tooLong;
    /** What ended the input while cutting (a cut-off gzip stream): raised after the chunk's lines are parsed. */
    RuntimeException failure;
    /** The chunk's tallies; the last chunk of an input also carries its bytes and format. */
    FlowLogCounters counters;
    /** The last chunk of its input: the input ended (or failed) while it was cut. */
    boolean last;

    void begin(String name, int sourceId, FlowLogFormat format, long firstLine, FlowLogCounters counters) {
        this.name = name;
        this.sourceId = sourceId;
        this.format = format;
        this.firstLine = firstLine;
        this.counters = counters;
        lines = 0;
        tooLong = null;
        failure = null;
        last = false;
    }

    void add(byte[] buf, int start, int end) {
        int from = lines == 0 ? 0 : ends[lines - 1];
        int length = end - start;
        if (from + length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, from + length));
        }
        if (lines == ends.length) {
            ends = Arrays.copyOf(ends, lines * 2);
        }
        System.arraycopy(buf, start, text, from, length);
        ends[lines++] = from + length;
    }
}
