package io.flowpol.ingest.flowlog;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much of the input files the readers have consumed, as stored (compressed bytes for gzip),
 * against their total size: what a progress line needs for MB/s and an ETA (issue 7). Counted
 * per read call on the raw file stream, not per record, so the hot loop does not pay for it;
 * updated by the parsing threads and read by any thread. The count runs ahead of the records
 * the consumer has taken by the batches in flight, and a byte range re-reads the line that
 * crosses its start, so it is an estimate for display, never for statistics.
 */
public final class InputProgress {
    private final long totalBytes;
    private final AtomicLong bytesRead = new AtomicLong();

    private InputProgress(long totalBytes) {
        this.totalBytes = totalBytes;
    }

    /** Progress over these local files; their total is their size on disk (unreadable files count 0). */
    public static InputProgress of(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // The reader reports it with its name and line; a progress line only loses a little accuracy.
            }
        }
        return new InputProgress(total);
    }

    /** For readers that nobody watches. */
    static InputProgress none() {
        return new InputProgress(0);
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** Bytes read so far, at most {@link #totalBytes()}. */
    public long bytesRead() {
        return Math.min(bytesRead.get(), totalBytes);
    }

    /** {@code in}, counting into this progress every byte read from it. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                bytesRead.addAndGet(Math.max(0, skipped));
                return skipped;
            }
        };
    }
}
