package io.flowpol.ingest.flowlog;

import java.nio.file.Path;
import java.util.List;

/**
 * The start time of a file's first record, read cheaply (a few KiB, inflated if gzip) before the
 * file is parsed, so that {@link TimeOrderedFlowLogReader} opens a file only when the merge gets
 * near its time: S3 delivery files of a day then hold a few open readers, per-ENI exports all.
 */
final class FirstStart {
    /** A file that cannot be peeked is opened first, so that reading it reports its error early. */
    static final long UNKNOWN = Long.MIN_VALUE;
    /** A file without a record (empty, a header only) is opened last. */
    static final long NONE = Long.MAX_VALUE;
    private static final int PEEK_BUFFER = 8 * 1024;

    private FirstStart() {
    }

    /** The first valid record's {@code start} in epoch ms, {@link #NONE} or {@link #UNKNOWN}. */
    static long of(Path file, FlowLogOptions options) {
        // Lenient: a malformed first line is skipped here and reported when the file is read.
        FlowLogReader reader = new FlowLogReader(new FlowLogOptions(options.format(), false, 0), PEEK_BUFFER);
        try {
            reader.read(List.of(file), record -> {
                throw new Found(record.startMillis);
            });
            return NONE;
        } catch (Found found) {
            return found.start;
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** Stops the read at the first record; no stack trace, it is control flow. */
    private static final class Found extends RuntimeException {
        final long start;

        Found(long start) {
            super(null, null, false, false);
            this.start = start;
        }
    }
}
