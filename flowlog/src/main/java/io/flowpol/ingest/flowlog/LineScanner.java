package io.flowpol.ingest.flowlog;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream into lines inside one reused buffer, after jackson-core's reader:
 * {@code pos}/{@code end} into the buffer, a refill that moves the unfinished line to the
 * front so that a record split across two reads is seen whole, and a line counter that
 * counts every line once, however the reads fall.
 *
 * <p>A line is returned as {@code buffer()[start(), end())} without its {@code \n} or
 * {@code \r\n}; it stays valid until the next call to {@link #next()}. A line longer than
 * {@link #MAX_LINE} bytes is not buffered: it is consumed and returned with
 * {@link #tooLong()} set and only its first bytes in {@link #head()}.
 */
final class LineScanner {
    /** No flow-log record comes near this; a longer line is junk, not data to buffer. */
    static final int MAX_LINE = 64 * 1024;
    /** Eight bytes at a time for the newline search (issue 7: it ran once per byte of input). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    private static final int HEAD = 80;

    private byte[] buf;
    private InputStream in;
    private int pos;
    private int end;
    /** Where the search for the next {@code \n} resumes: bytes before it are known not to be one. */
    private int scan;
    private boolean eof;
    private long lineNumber;
    private int lineStart;
    private int lineEnd;
    private boolean tooLong;
    private long tooLongLength;
    private final byte[] head = new byte[HEAD];
    private int headLength;
    private long bytesRead;
    /** Stream offset of the current line's first byte. */
    private long lineOffset;

    LineScanner(int bufferSize) {
        this.buf = new byte[Math.max(16, bufferSize)];
    }

    /** Starts over on a new stream, keeping the buffer. */
    void reset(InputStream stream) {
        in = stream;
        pos = end = scan = 0;
        eof = false;
        lineNumber = 0;
        bytesRead = 0;
    }

    /**
     * Buffers at least the first {@code wanted} bytes of the stream (fewer if it is shorter),
     * so that a caller can sniff them before reading lines; returns how many are buffered.
     */
    int prime(int wanted) throws IOException {
        int limit = Math.min(wanted, buf.length);
        while (!eof && end < limit) {
            fill();
        }
        return end;
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        tooLong = false;
        while (true) {
            int newline = indexOfNewline(scan, end);
            if (newline >= 0) {
                emit(newline);
                pos = scan = newline + 1;
                return true;
            }
            scan = end;
            if (eof) {
                if (pos < end) {
                    emit(end);
                    pos = scan = end;
                    return true;
                }
                return false;
            }
            if (end - pos > MAX_LINE) {
                skipLongLine();
                return true;
            }
            makeRoom();
            fill();
        }
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            // SWAR zero-byte test on word ^ '\n'...: the lowest flagged byte is always a real
            // newline (a false flag can only sit above a real one), so little-endian order finds the first.
            long word = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void emit(int newline) {
        lineNumber++;
        lineOffset = consumed();
        lineStart = pos;
        lineEnd = newline > pos && buf[newline - 1] == '\r' ? newline - 1 : newline;
        if (lineEnd - lineStart > MAX_LINE) {
            // Buffered whole because the buffer is large, but held to the same limit as a skipped one.
            keepHead(lineStart, lineEnd - lineStart);
            tooLongLength = lineEnd - lineStart;
        }
    }

    private void keepHead(int from, int available) {
        tooLong = true;
        headLength = Math.min(HEAD, available);
        System.arraycopy(buf, from, head, 0, headLength);
    }

    /** Moves the unfinished line to the front, or grows the buffer when the line fills it. */
    private void makeRoom() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            scan -= pos;
            pos = 0;
        } else if (end == buf.length) {
            byte[] bigger = new byte[Math.min(buf.length * 2, MAX_LINE + 2)];
            System.arraycopy(buf, 0, bigger, 0, end);
            buf = bigger;
        }
    }

    private void fill() throws IOException {
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
            bytesRead += n;
        }
    }

    /** Keeps the first bytes of an over-long line for the report and discards the rest of it. */
    private void skipLongLine() throws IOException {
        lineNumber++;
        lineOffset = consumed();
        keepHead(pos, end - pos);
        long length = 0;
        while (true) {
            int newline = indexOfNewline(pos, end);
            if (newline >= 0) {
                length += newline - pos;
                pos = scan = newline + 1;
                break;
            }
            length += end - pos;
            pos = scan = end = 0;
            fill();
            if (eof) {
                break;
            }
        }
        tooLongLength = length;
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }

    long lineNumber() {
        return lineNumber;
    }

    boolean tooLong() {
        return tooLong;
    }

    /** Length in bytes of the over-long line just skipped. */
    long tooLongLength() {
        return tooLongLength;
    }

    byte[] head() {
        return head;
    }

    int headLength() {
        return headLength;
    }

    /**
     * Offset in the stream of the current line's first byte: {@code buf[0]} always holds stream
     * byte {@code bytesRead - end}, however refills and compaction move the window.
     */
    long lineOffset() {
        return lineOffset;
    }

    /** Offset in the stream of the first byte not yet returned in a line (after the last {@code \n}). */
    long consumed() {
        return bytesRead - end + pos;
    }

    /** Bytes read from the stream so far (decompressed text for gzip input). */
    long bytesRead() {
        return bytesRead;
    }
}
