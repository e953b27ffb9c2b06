package io.flowpol.ingest.flowlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the files of one read into the {@link ReadUnit}s that {@link PipelinedFlowLogReader}'s
 * two parsing threads take in turn (GitHub issue 7): every gzip file (S3 delivery writes many,
 * DESIGN.md fact 8) and every small file is one unit, "one file per core"; a large plain file is
 * cut into byte ranges read by position, so that one big export also keeps both cores busy.
 *
 * <p>Planning never fails: a file it cannot inspect stays one whole unit, and reading that unit
 * raises the very error the sequential {@link FlowLogReader} raises, at the same point in order.
 */
final class UnitPlanner {
    /** Bytes a line-1 sniff buffers: a header names at most a few dozen fields. */
    private static final int SNIFF_BUFFER = 8 * 1024;

    private final FlowLogOptions options;
    private final long unitBytes;

    /**
     * @param unitBytes nominal size of a range of a plain file; files up to this size are not cut
     */
    UnitPlanner(FlowLogOptions options, long unitBytes) {
        if (unitBytes < 1) {
            throw new IllegalArgumentException("unitBytes < 1: " + unitBytes);
        }
        this.options = options;
        this.unitBytes = unitBytes;
    }

    /** The units of {@code files}, in input order and, within a file, in byte order. */
    List<ReadUnit> plan(List<Path> files) {
        List<ReadUnit> units = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            FlowLogInput input = FlowLogInput.of(file);
            long size = sizeOrZero(file);
            FlowLogFormat format = size > unitBytes ? plainFileFormat(file) : null;
            if (format == null) {
                units.add(ReadUnit.whole(i, input));
                continue;
            }
            for (long start = 0; start < size; start += unitBytes) {
                boolean last = start + unitBytes >= size;
                units.add(new ReadUnit(i, input, file, start, last ? Long.MAX_VALUE : start + unitBytes,
                        start == 0 ? null : format));
            }
        }
        return units;
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The format every line of a plain file after line 1 is read with, exactly as
     * {@link FlowLogReader} decides it from line 1 (a header unless blank or too long), or null
     * when the file is gzip or cannot be inspected (it is then read whole).
     */
    private FlowLogFormat plainFileFormat(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            LineScanner lines = new LineScanner(SNIFF_BUFFER);
            lines.reset(in);
            byte[] buf = lines.buffer();
            // Gzip by its magic bytes 1f 8b (RFC 1952), as FlowLogReader decides it.
            if (lines.prime(2) >= 2 && buf[0] == (byte) 0x1f && buf[1] == (byte) 0x8b) {
                return null;
            }
            FlowLogFormat header = null;
            if (lines.next() && !lines.tooLong()
                    && !ByteFields.isBlank(lines.buffer(), lines.start(), lines.end())) {
                header = FlowLogReader.header(lines.buffer(), lines.start(), lines.end());
            }
            if (options.format() != null) {
                return options.format();
            }
            return header != null ? header : FlowLogFormat.V2_DEFAULT;
        } catch (IOException | RuntimeException e) {
            // An unreadable file or a bad header: the whole-file unit reports it in order.
            return null;
        }
    }
}
