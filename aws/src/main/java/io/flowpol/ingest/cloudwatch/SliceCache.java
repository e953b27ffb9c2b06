package io.flowpol.ingest.cloudwatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * The checkpoint of a CloudWatch read: every time slice read to its end is kept, gzip, in a local
 * directory, so an interrupted read resumes by reading the finished slices from disk — no API call
 * again — and inference runs over all slices in order once more, so nothing is counted twice. A
 * slice is written to a temporary file and renamed only when complete: a crash never leaves a
 * partial slice that would pass for a whole one.
 */
final class SliceCache {
    private final Path dir;
    private final String prefix;

    SliceCache(Path dir, CloudWatchSource source) {
        this.dir = dir;
        this.prefix = (source.logGroup() + (source.streamPrefix() == null ? "" : "@" + source.streamPrefix()))
                .replaceAll("[^A-Za-z0-9._@-]", "_");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(long from, long to) {
        return dir.resolve(prefix + "-" + from + "-" + to + ".events.gz");
    }

    boolean has(long from, long to) {
        return Files.isRegularFile(file(from, to));
    }

    /** The slice's events as they were fetched: stream, timestamp and message per line. */
    List<FilteredLogEvent> read(long from, long to) {
        List<FilteredLogEvent> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file(from, to))), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int a = line.indexOf('\t');
                int b = line.indexOf('\t', a + 1);
                events.add(FilteredLogEvent.builder().logStreamName(line.substring(0, a))
                        .timestamp(Long.parseLong(line.substring(a + 1, b))).message(line.substring(b + 1)).build());
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("checkpoint " + file(from, to) + " is unreadable: "
                    + io.flowpol.inference.model.IoReason.of(e)
                    + " (delete it to fetch the slice again)", e));
        }
        return events;
    }

    /** Starts writing a slice; {@link SliceWriter#commit()} makes it visible. */
    SliceWriter write(long from, long to) {
        return new SliceWriter(file(from, to));
    }

    /** Appends pages of one slice to a temporary file, then moves it into place. */
    static final class SliceWriter {
        private final Path target;
        private final Path temp;
        private final Writer out;

        private SliceWriter(Path target) {
            this.target = target;
            this.temp = target.resolveSibling(target.getFileName() + ".tmp");
            try {
                out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(temp)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void append(List<FilteredLogEvent> events) {
            try {
                for (FilteredLogEvent e : events) {
                    // Flow-log messages are single-line ASCII; tabs and newlines never occur in them.
                    out.write(e.logStreamName());
                    out.write('\t');
                    out.write(Long.toString(e.timestamp()));
                    out.write('\t');
                    out.write(e.message() == null ? "" : e.message()); // malformed either way, counted on reading
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void commit() {
            try {
                out.close();
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void abandon() {
            try {
                out.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // best effort: a stale .tmp is never read
            }
        }
    }
}
