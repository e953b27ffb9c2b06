package io.flowpol.templates.render;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Keeps two flowpol runs from swapping the same {@code --out} at once: the recovery of a half-done
 * swap ({@link DirectorySwap#recover}) deletes temporary directories, which is only safe when no
 * other run is filling them. An OS file lock on {@code .<out>.flowpol-lock} beside the output,
 * held only while the output is checked or swapped; the file is deleted on release so nothing is
 * left beside {@code --out}. Deleting a lock file races with a run that opened it just before:
 * each run writes its own token into the file it locked and reads it back by name, so a run
 * holding a lock on a deleted file notices and starts over.
 */
final class SwapLock implements AutoCloseable {
    private static final int ATTEMPTS = 8;

    private final Path file;
    private final FileChannel channel;

    private SwapLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** @throws InputException naming {@code --out} when another run holds the lock */
    static SwapLock acquire(Path out) throws IOException {
        Path file = DirectorySwap.sibling(out, "lock");
        for (int i = 0; i < ATTEMPTS; i++) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by another run in this JVM
                }
                if (lock == null) {
                    throw new InputException(InputProblem.error(out.toString(), 0, "--out",
                            "no other flowpol run writing it", "another run holding " + file.getFileName()));
                }
                if (owns(file, channel)) {
                    SwapLock held = new SwapLock(file, channel);
                    channel = null;
                    return held;
                }
            } finally {
                if (channel != null) {
                    channel.close();
                }
            }
        }
        throw new IOException(file + ": could not be locked after " + ATTEMPTS + " attempts");
    }

    /** Whether {@code file} still names the file {@code channel} locked (not one deleted meanwhile). */
    private static boolean owns(Path file, FileChannel channel) throws IOException {
        byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(token), 0);
        try {
            return java.util.Arrays.equals(token, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file); // while still locked: see the class comment
        } finally {
            channel.close();
        }
    }
}
