package io.flowpol.ingest.flowlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One unit of work for a parsing thread: a whole input, or a byte range of a large plain local
 * file (GitHub issue 7: two parsing threads). A range owns exactly the lines that <em>start</em>
 * in {@code [start, end)}: it skips the line that crosses in from the range before it and reads
 * the one that crosses its end, so consecutive ranges tile the file line by line, whatever the
 * cut points.
 *
 * @param sourceId index of the input in the reader's list ({@link io.flowpol.inference.model.FlowRecord#sourceId})
 * @param input the input, naming it in errors
 * @param file the local file a range is read from by position; null for a whole input
 * @param start nominal first byte; 0 for the first unit of an input
 * @param end nominal end (exclusive); {@link Long#MAX_VALUE} for the last unit of an input
 * @param format the format of a unit after the first, decided by the file's header line (which
 *     only the first unit reads); null for a first unit
 */
record ReadUnit(int sourceId, FlowLogInput input, Path file, long start, long end, FlowLogFormat format) {

    ReadUnit {
        if (input == null) {
            throw new IllegalArgumentException("input == null");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
        if (start > 0 && (file == null || format == null)) {
            throw new IllegalArgumentException("a range after the first needs its file and format");
        }
    }

    /** All of {@code input}, as {@link FlowLogReader} reads it. */
    static ReadUnit whole(int sourceId, FlowLogInput input) {
        return new ReadUnit(sourceId, input, null, 0, Long.MAX_VALUE, null);
    }

    /** The unit that starts the input: it sniffs for gzip and binary data and reads the header. */
    boolean first() {
        return start == 0;
    }

    /** The unit that ends the input: the next unit starts another input. */
    boolean last() {
        return end == Long.MAX_VALUE;
    }

    /**
     * Where the stream {@link #open()} returns starts in the input: one byte before a later
     * unit's start, so that when a line ends exactly at {@code start - 1} the skipped partial
     * line is empty and the line starting at {@code start} is this unit's.
     */
    long streamStart() {
        return first() ? 0 : start - 1;
    }

    /** The bytes from {@link #streamStart()}, by a positioned read for a later range. */
    InputStream open() throws IOException {
        if (first()) {
            return input.open();
        }
        SeekableByteChannel channel = Files.newByteChannel(file);
        try {
            channel.position(streamStart());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return Channels.newInputStream(channel);
    }
}
