package io.flowpol.ingest.cluster;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a recording, each at most {@link #MAX_LINE} characters (GitHub issue 12, item 9).
 * {@code BufferedReader.readLine} buffers a line whatever its length, so a 200 MB line, or
 * {@code /dev/zero}, which has no line end at all, ended in an {@code OutOfMemoryError}; here an
 * over-long line is an input error naming file:line as soon as it passes the cap, which also
 * bounds how much of a non-regular file is read before giving up.
 *
 * <p>Lines end at {@code \n}; a {@code \r} before it is dropped. Not thread-safe.
 */
final class RecordingLines {
    /**
     * The API server refuses objects over about 1.5 MiB (etcd's request limit), so one watch event
     * stays far below this; a longer line is not a recording.
     */
    static final int MAX_LINE = 8 * 1024 * 1024;

    private final Reader in;
    private final String file;
    private final int maxLine;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder text = new StringBuilder();
    private int pos;
    private int end;
    private long line;

    RecordingLines(Reader in, String file, int maxLine) {
        this.in = in;
        this.file = file;
        this.maxLine = maxLine;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String next() throws IOException {
        text.setLength(0);
        boolean started = false;
        while (true) {
            if (pos == end) {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    pos = end = 0;
                    return started ? emit() : null;
                }
                pos = 0;
                end = n;
            }
            started = true;
            int newline = pos;
            while (newline < end && buf[newline] != '\n') {
                newline++;
            }
            if (text.length() + newline - pos > maxLine) {
                text.append(buf, pos, Math.min(newline - pos, 64));
                throw tooLong();
            }
            text.append(buf, pos, newline - pos);
            if (newline < end) {
                pos = newline + 1;
                return emit();
            }
            pos = end;
        }
    }

    /** 1-based number of the line {@link #next} returned last. */
    long lineNumber() {
        return line;
    }

    private String emit() {
        line++;
        int length = text.length();
        return length > 0 && text.charAt(length - 1) == '\r' ? text.substring(0, length - 1) : text.toString();
    }

    private InputException tooLong() {
        String head = text.length() <= 40 ? text.toString() : text.substring(0, 40);
        return new InputException(InputProblem.error(file, line + 1, "",
                "a line of at most " + describe(maxLine) + " (one watch event per line)",
                "a longer line starting '" + head + "...'"));
    }

    private static String describe(int chars) {
        return chars % (1024 * 1024) == 0 ? chars / (1024 * 1024) + " MiB" : chars + " characters";
    }
}
