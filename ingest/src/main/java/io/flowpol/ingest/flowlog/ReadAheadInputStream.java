package io.flowpol.ingest.flowlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream ahead on a thread of its own, so that decompressing a gzip flow-log file
 * (S3 delivery, DESIGN.md fact 8) overlaps with parsing it (GitHub issue 7: gzip input uses
 * both cores). The bytes come out exactly as the source gives them; a failure of the source,
 * an {@link java.io.EOFException} of a truncated gzip stream included, is rethrown unchanged
 * by the {@link #read} that reaches it. Memory is bounded by a few fixed chunks.
 */
final class ReadAheadInputStream extends InputStream {
    private static final int CHUNK = 256 * 1024;
    private static final int CHUNKS = 4;

    /** A filled chunk; {@code length < 0} ends the stream, with {@code failure} when the source failed. */
    private record Chunk(byte[] bytes, int length, IOException failure) {
    }

    private final InputStream source;
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    private Chunk current;
    private int pos;
    private boolean done;

    ReadAheadInputStream(InputStream source, String name) {
        this.source = source;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        reader = new Thread(this::readAhead, "flowpol-read-ahead " + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAhead() {
        try {
            while (true) {
                byte[] bytes = free.take();
                int n = 0;
                IOException failure = null;
                boolean end = false;
                try {
                    while (n < bytes.length && !end) {
                        int r = source.read(bytes, n, bytes.length - n);
                        end = r < 0;
                        n += Math.max(r, 0);
                    }
                } catch (IOException e) {
                    failure = e;
                }
                // The bytes before a failure are passed on first, so that the reader counts the
                // same complete lines as without read-ahead (a truncated gzip file says how far it got).
                if (n > 0) {
                    filled.put(new Chunk(bytes, n, null));
                }
                if (end || failure != null) {
                    filled.put(new Chunk(null, -1, failure));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // close(): the consumer has gone.
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.bytes(), pos, b, off, n);
        pos += n;
        return n;
    }

    /** Makes {@code current} a chunk with bytes left; false at the end of the stream. */
    private boolean next() throws IOException {
        while (!done && (current == null || pos == current.length())) {
            if (current != null) {
                free.add(current.bytes());
                current = null;
            }
            Chunk chunk;
            try {
                chunk = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading ahead");
            }
            if (chunk.length() < 0) {
                done = true;
                if (chunk.failure() != null) {
                    throw chunk.failure();
                }
            } else {
                current = chunk;
                pos = 0;
            }
        }
        return !done;
    }

    @Override
    public void close() throws IOException {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
