package io.flowpol.ingest.record;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The single writer of a recording: every watcher thread hands it events, it writes one compact
 * JSON line per event and flushes twice a second, so a crash loses at most the last second.
 * Lines are written whole under one lock, so the file never interleaves two events.
 *
 * <p>Times are written in file order: a time earlier than the previous line's (two watcher
 * threads racing for the lock by a few milliseconds) is written as the previous time, so
 * readers can rely on non-decreasing times.
 */
public final class RecordingWriter implements AutoCloseable {
    /** RFC 3339 in UTC with milliseconds, as the recording contract requires. */
    public static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long FLUSH_EVERY_MS = 500;

    private final Path out;
    private final Writer writer;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    private final ScheduledExecutorService flusher;
    private long events;
    private Instant last = Instant.EPOCH;
    private boolean closed;
    /**
     * The first failed background flush. A failed flush loses the bytes it tried to write (the
     * encoder does not keep them), so it is kept and reported by every later call, never
     * swallowed: a full disk once gave exit 0 and an empty recording (issue 12 item 11).
     */
    private IOException failure;
    private java.util.function.Consumer<IOException> onFailure = e -> { };

    private RecordingWriter(Path out, Writer writer) {
        this.out = out;
        this.writer = writer;
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "flowpol-record-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleAtFixedRate(this::flushQuietly, FLUSH_EVERY_MS, FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens {@code out} for recording. Never truncates data: without {@code append} a file that
     * exists and is not empty is refused. With {@code append}, a last line cut short by a crash is
     * ended first, so the new lines stay whole.
     */
    public static RecordingWriter open(Path out, boolean append) {
        try {
            long size = Files.exists(out) ? Files.size(out) : 0;
            if (size > 0 && !append) {
                throw new InputException(InputProblem.error(out.toString(), 0, "--out",
                        "a new or empty file (or --append to add to it)", "an existing file of " + size + " bytes"));
            }
            boolean endsMidLine = size > 0 && !endsWithNewline(out);
            Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            if (endsMidLine) {
                writer.write('\n');
            }
            return new RecordingWriter(out, writer);
        } catch (IOException e) {
            String found = e instanceof java.nio.file.NoSuchFileException
                    ? "no way to create it (missing or read-only directory)"
                    : io.flowpol.inference.model.IoReason.of(e);
            throw new InputException(InputProblem.error(out.toString(), 0, "--out", "a writable file", found), e);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }

    /**
     * {@link #write(Instant, String, JsonObject)} for an object given as JSON text (the AWS inventory's events, built with Jackson):
     * parsed here, so Gson stays the recorder's own object model (issue 17 item 3).
     */
    public void writeJson(Instant time, String type, String objectJson) {
        write(time, type, com.google.gson.JsonParser.parseString(objectJson).getAsJsonObject());
    }

    /**
     * Writes one event line. {@code object} is serialised now, so the caller may keep using it.
     *
     * @throws UncheckedIOException if the file cannot be written (disk full) or is closed: the
     *     recorder stops
     */
    public synchronized void write(Instant time, String type, JsonObject object) {
        if (failure != null) {
            throw new UncheckedIOException("cannot write " + out, failure);
        }
        if (closed) {
            throw new UncheckedIOException(new IOException("recording " + out + " is closed"));
        }
        if (time.isBefore(last)) {
            time = last;
        }
        last = time;
        JsonObject line = new JsonObject();
        line.addProperty("time", TIME.format(time));
        line.addProperty("type", type);
        line.add("object", object);
        try {
            writer.write(gson.toJson(line));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        events++;
    }

    /** Writes a re-list's changes together, so they all keep the one list time. */
    synchronized void writeAll(Instant time, java.util.List<KnownObjects.Change> changes) {
        for (KnownObjects.Change change : changes) {
            write(time, change.type(), change.object());
        }
    }

    /** Events written so far (this run; an appended file's earlier lines are not counted). */
    public synchronized long events() {
        return events;
    }

    public Path path() {
        return out;
    }

    public synchronized void flush() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (!closed) {
            try {
                writer.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** Called (once, on the flusher thread) with the first failed background flush, so the recorder stops at once. */
    public synchronized void onFailure(java.util.function.Consumer<IOException> listener) {
        this.onFailure = listener;
    }

    private void flushQuietly() {
        java.util.function.Consumer<IOException> listener;
        IOException failed;
        synchronized (this) {
            boolean before = failure != null;
            try {
                flush();
                return;
            } catch (IOException e) {
                if (before) {
                    return;
                }
                failed = e;
                listener = onFailure;
            }
        }
        listener.accept(failed);
    }

    /** Flushes and closes; idempotent. Every line written before is complete in the file. */
    @Override
    public void close() throws IOException {
        flusher.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            writer.close();
            if (failure != null) {
                throw failure;
            }
        }
    }
}
