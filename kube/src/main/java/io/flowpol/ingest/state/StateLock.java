package io.flowpol.ingest.state;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One {@code learn} run at a time per state directory (issue 12 item 3: two runs on one state
 * both exited 0 and the last writer's window was all that was kept). An exclusive
 * {@link FileChannel#tryLock()} on {@code <state>/learn.lock}, held for the whole run: the OS
 * releases it when the process ends however it ends (a {@code kill -9} included), so a lock is
 * never left behind. The file carries the holder's pid and start time for the message of the
 * run that is refused, and is emptied, never deleted, on a clean release — deleting it would let
 * a run that opened the old file and one that created a new one both hold "the" lock. Text left
 * in a file whose lock is free therefore means the run before was killed: {@link #stale()}.
 */
public final class StateLock implements AutoCloseable {
    /** The lock file's name inside the state directory. */
    public static final String FILE = "learn.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final String stale;

    private StateLock(FileChannel channel, FileLock lock, String stale) {
        this.channel = channel;
        this.lock = lock;
        this.stale = stale;
    }

    /**
     * Takes the lock of {@code dir} (created if missing) for this process, started at {@code start}.
     *
     * @throws InputException naming the lock file and the holder (pid, start time) when another
     *     run holds it, or the directory when the lock file cannot be created
     */
    public static StateLock acquire(Path dir, Instant start) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null; // this JVM holds it already (a second run in one process)
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new InputException(InputProblem.error(file.toString(), 0, "--state",
                        "no other 'flowpol learn' using this state directory",
                        "one running" + (holder.isEmpty() ? "" : " (" + holder + ")")
                                + ": wait for it to end, or give this run another --state"));
            }
            String before = holder(channel);
            byte[] mine = ("pid " + ProcessHandle.current().pid() + ", started " + start + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(mine), 0);
            channel.force(false);
            return new StateLock(channel, lock, before.isEmpty() ? null : before);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InputException(InputProblem.error(file.toString(), 0, "--state", "a lock file that can be written",
                    io.flowpol.inference.model.IoReason.of(e)), e);
        }
    }

    /** The holder the lock file still named when it was taken (a run that was killed), or null. */
    public String stale() {
        return stale;
    }

    /** Empties the file (a clean end), then releases the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException ignored) {
            // the OS releases the lock with the channel; text left behind only reads as a killed run
        } finally {
            closeQuietly(channel);
        }
    }

    /** The holder's line ("pid 4242, started 2026-12-06T19:30:00Z"), or "" when the file is empty. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        int newline = text.indexOf('\n');
        StringBuilder line = new StringBuilder();
        // The file is anyone's to edit: print no control character of it on the user's terminal.
        (newline < 0 ? text : text.substring(0, newline)).codePoints()
                .forEach(c -> line.appendCodePoint(c < 0x20 || c == 0x7F ? '?' : c));
        return line.toString();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
