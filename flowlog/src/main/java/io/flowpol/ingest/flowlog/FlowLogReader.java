package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads VPC Flow Log files, plain or gzip (S3 delivery), into one reused {@link FlowRecord}
 * pushed to a {@link FlowSink}. A first line whose first word is a field name is a header
 * (S3 writes one) and declares that file's format unless {@link FlowLogOptions#format()}
 * forces one (DESIGN.md fact 8).
 *
 * <p>Not thread-safe: one reader per thread. Its buffer and cursor are reused across files.
 */
public final class FlowLogReader {
    static final int DEFAULT_BUFFER_SIZE = 256 * 1024;
    private static final int GZIP_BUFFER_SIZE = 64 * 1024;
    /** Bytes inspected for NUL before a file is trusted to be text. */
    private static final int SNIFF_BYTES = 512;

    private final FlowLogOptions options;
    private final LineScanner lines;
    private final FlowRecord record = new FlowRecord();
    private final Map<FlowLogFormat, FlowLogLineParser> parsers = new HashMap<>();
    private final InputProgress progress;

    public FlowLogReader(FlowLogOptions options) {
        this(options, DEFAULT_BUFFER_SIZE, InputProgress.none());
    }

    /** Counting the bytes it reads from each file into {@code progress}. */
    FlowLogReader(FlowLogOptions options, InputProgress progress) {
        this(options, DEFAULT_BUFFER_SIZE, progress);
    }

    /** With a chosen initial buffer size, so tests can force records across refills. */
    FlowLogReader(FlowLogOptions options, int bufferSize) {
        this(options, bufferSize, InputProgress.none());
    }

    /** With a chosen buffer size and progress: {@link TimeOrderedFlowLogReader} keeps many open at once. */
    FlowLogReader(FlowLogOptions options, int bufferSize, InputProgress progress) {
        if (options == null) {
            throw new IllegalArgumentException("options == null");
        }
        this.options = options;
        this.lines = new LineScanner(bufferSize);
        this.progress = progress;
    }

    /**
     * Reads {@code files} in the given order; each record's {@code sourceId} is its file's
     * index in the list and {@code line} its 1-based line number.
     *
     * @throws InputException for a missing, unreadable, truncated or binary file, and in
     *     strict mode for the first malformed line
     */
    public FlowLogStats read(List<Path> files, FlowSink sink) {
        return readInputs(files.stream().map(FlowLogInput::of).toList(), sink);
    }

    /**
     * Reads {@code inputs} (files, S3 objects) in the given order, exactly as {@link #read}
     * reads files: {@code sourceId} is the input's index and errors name {@link FlowLogInput#name()}.
     *
     * @throws InputException for an unreadable, truncated or binary input, and in strict mode
     *     for the first malformed line
     */
    public FlowLogStats readInputs(List<? extends FlowLogInput> inputs, FlowSink sink) {
        FlowLogCounters counters = new FlowLogCounters(options.maxProblemSamples());
        for (int i = 0; i < inputs.size(); i++) {
            readInput(i, inputs.get(i), sink, counters);
            counters.files++;
        }
        return counters.toStats();
    }

    private void readInput(int sourceId, FlowLogInput input, FlowSink sink, FlowLogCounters counters) {
        readUnit(ReadUnit.whole(sourceId, input), sink, counters);
    }

    /**
     * Reads one unit into a fresh tally, as {@link PipelinedFlowLogReader}'s parsing threads do:
     * line numbers (of records and problems) count from the unit's first line, and the consumer,
     * which takes units in order, adds the lines of the file's earlier units.
     *
     * @throws InputException as {@link #read} does, its line unit-relative
     */
    FlowLogCounters readUnit(ReadUnit unit, FlowSink sink) {
        FlowLogCounters counters = new FlowLogCounters(options.maxProblemSamples());
        readUnit(unit, sink, counters);
        return counters;
    }

    private void readUnit(ReadUnit unit, FlowSink sink, FlowLogCounters counters) {
        begin(unit, counters);
        step(sink, Integer.MAX_VALUE);
    }

    // The unit being read in steps (begin, then step until it says the unit ended): a file of a
    // TimeOrderedFlowLogReader read is parsed a batch at a time, by whichever worker is free.
    private ReadUnit unit;
    private InputStream in;
    private FlowLogCounters counters;
    private FlowLogLineParser parser;
    private long limit;
    private long lineShift;
    private long from;

    /**
     * Opens {@code unit} for {@link #step}: sniffs for gzip and binary data. Tallies go to
     * {@code counters}, line numbers unit-relative as {@link #readUnit(ReadUnit, FlowSink)} has them.
     *
     * @throws InputException as {@link #read} does; nothing is left open then
     */
    void begin(ReadUnit unit, FlowLogCounters counters) {
        if (in != null) {
            throw new IllegalStateException("a unit is being read");
        }
        this.unit = unit;
        this.counters = counters;
        lines.reset(InputStream.nullInputStream());
        try {
            in = unit.first() ? decode(progress.counting(unit.open())) : progress.counting(unit.open());
            lines.reset(in);
            from = 0;
            if (unit.first()) {
                requireText(unit.input().name(), lines.prime(SNIFF_BYTES));
            } else {
                // The line that crosses in from the unit before is that unit's (ReadUnit).
                lines.next();
                from = lines.consumed();
            }
        } catch (IOException e) {
            abandon();
            throw failure(e);
        } catch (RuntimeException | Error e) {
            abandon();
            throw e;
        }
        FlowLogFormat initial = unit.format() != null ? unit.format() : options.format();
        parser = parserFor(initial != null ? initial : FlowLogFormat.V2_DEFAULT);
        // Stream offsets are relative to where the unit's stream starts; a skipped partial line shifts numbers by one.
        limit = unit.last() ? Long.MAX_VALUE : unit.end() - unit.streamStart();
        lineShift = unit.first() ? 0 : 1;
    }

    /**
     * Passes up to {@code maxRecords} more records of the begun unit to {@code sink}; true when
     * the unit has ended (its stream is closed and its tallies complete), false when more may come.
     *
     * @throws InputException as {@link #read} does; the unit is closed then
     */
    boolean step(FlowSink sink, int maxRecords) {
        try {
            long to = readLines(sink, maxRecords);
            if (to == -2) {
                return false;
            }
            counters.bytes += (to >= 0 ? to : lines.consumed()) - from;
            counters.format(parser.format());
            InputStream done = in;
            in = null;
            done.close();
            return true;
        } catch (IOException e) {
            abandon();
            throw failure(e);
        } catch (RuntimeException | Error e) {
            abandon();
            throw e;
        }
    }

    /** Closes the begun unit, if any, without reading further (a failed or cancelled read). */
    void abandon() {
        InputStream open = in;
        in = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // the read is abandoned already; its own failure, if any, is what is reported
            }
        }
    }

    private InputException failure(IOException e) {
        String name = unit.input().name();
        if (e instanceof EOFException) {
            // GZIPInputStream: "Unexpected end of ZLIB input stream" for a cut-off download.
            return new InputException(InputProblem.error(name, 0, null, "a complete gzip stream",
                    "it ends early, after " + lines.lineNumber() + " lines (" + lines.bytesRead()
                            + " bytes of text)"), e);
        }
        // A gzip stream corrupt in the middle has no line of its own; the last line read locates it
        // (numbers count from the file's start only in a unit that starts there, as gzip units do).
        long line = unit.first() ? lines.lineNumber() : 0;
        return new InputException(InputProblem.error(name, 0, null, "a readable flow-log file",
                describe(e) + (line > 0 ? " after line " + line : "")), e);
    }

    /**
     * Reads the unit's lines, up to {@code maxRecords} records; returns the stream offset where
     * the unit ends, -1 when it ends with the stream, -2 when {@code maxRecords} were passed on
     * first (more may come).
     */
    private long readLines(FlowSink sink, int maxRecords) throws IOException {
        String name = unit.input().name();
        int passed = 0;
        while (passed < maxRecords) {
            if (!lines.next()) {
                return -1;
            }
            if (lines.lineOffset() >= limit) {
                return lines.lineOffset();
            }
            counters.lines++;
            long line = lines.lineNumber() - lineShift;
            if (lines.tooLong()) {
                malformed(counters, tooLongProblem(name, line));
                continue;
            }
            byte[] buf = lines.buffer();
            int start = lines.start();
            int end = lines.end();
            if (ByteFields.isBlank(buf, start, end)) {
                continue;
            }
            if (line == 1 && unit.first()) {
                start = skipByteOrderMark(buf, start, end);
                FlowLogFormat header = checkedHeader(name, buf, start, end);
                if (header != null) {
                    counters.headerColumnsIgnored += header.ignoredColumns().size();
                    if (options.format() == null) {
                        parser = parserFor(header);
                    }
                    continue;
                }
            }
            if (parser.parse(buf, start, end, record)) {
                record.sourceId = unit.sourceId();
                record.line = line;
                counters.record(record);
                sink.accept(record);
                passed++;
            } else {
                malformed(counters, parser.problem().toInputProblem(name, line, buf));
            }
        }
        return -2;
    }

    private InputProblem tooLongProblem(String name, long line) {
        return InputProblem.error(name, line, "line", "a line of at most 64 KiB",
                "'" + ByteFields.printable(lines.head(), 0, lines.headLength(), FieldProblem.MAX_FOUND)
                        + "...' (" + lines.tooLongLength() + " bytes)");
    }

    /**
     * Cuts the begun unit's next lines, up to {@code maxLines}, into {@code chunk} for another
     * thread to parse ({@link ChunkParser}) while this reader cuts the lines after them (GitHub
     * issue 13). Only for a whole input after its first {@link #step}, which has read line 1 (the
     * header, a byte order mark, the binary sniff), so every line cut is a plain line of one format.
     * The chunk's tallies are its own; when the input ends, its bytes and format go to the chunk too.
     *
     * @return true when the unit has ended: read to its end, or failed reading (the chunk's
     *     {@link LineChunk#failure}, raised after its lines as {@link #step} raises it); its stream is closed
     */
    boolean cut(LineChunk chunk, int maxLines) {
        if (!unit.first() || !unit.last()) {
            throw new IllegalStateException("only a whole input is cut into chunks: " + unit);
        }
        chunk.begin(unit.input().name(), unit.sourceId(), parser.format(), lines.lineNumber() + 1,
                new FlowLogCounters(options.maxProblemSamples()));
        try {
            while (chunk.lines < maxLines) {
                if (!lines.next()) {
                    chunk.counters.bytes += lines.consumed() - from;
                    chunk.counters.format(parser.format());
                    chunk.last = true;
                    InputStream done = in;
                    in = null;
                    done.close();
                    return true;
                }
                if (lines.tooLong()) {
                    // Not copied: parsed after the others, so the chunk ends here.
                    chunk.tooLong = tooLongProblem(chunk.name, lines.lineNumber());
                    return false;
                }
                chunk.add(lines.buffer(), lines.start(), lines.end());
            }
            return false;
        } catch (IOException e) {
            abandon();
            chunk.failure = failure(e);
        } catch (RuntimeException e) {
            abandon();
            chunk.failure = e;
        }
        chunk.last = true;
        return true;
    }

    /**
     * The header of line 1, checked (issue 12, item 8): each field once, every field the pipeline
     * needs, and the same columns as {@code --flow-log-format} when one is given (a forced format
     * that disagrees with the file's own header read swapped columns as nonsense edges).
     */
    private FlowLogFormat checkedHeader(String name, byte[] buf, int start, int end) {
        FlowLogFormat header;
        try {
            header = header(buf, start, end);
        } catch (InputException e) {
            throw new InputException(InputProblem.error(name, 1, "header", e.problem().expected(), e.problem().found()));
        }
        if (header == null) {
            return null;
        }
        if (options.format() != null && !options.format().sameColumns(header)) {
            throw new InputException(InputProblem.error(name, 1, "header",
                    "the columns of --flow-log-format '" + options.format() + "'",
                    "'" + header + "': drop --flow-log-format (the header names the fields) or fix it"));
        }
        List<String> missing = header.missingRequired();
        if (!missing.isEmpty()) {
            throw new InputException(InputProblem.error(name, 1, "header",
                    "the fields flowpol needs (" + FlowLogFormat.REQUIRED_TEXT + ")",
                    "a header without " + String.join(", ", missing) + ": '" + header + "'"));
        }
        return header;
    }

    /** The UTF-8 byte order mark EF BB BF some editors and exports put before line 1 is no part of the text. */
    static int skipByteOrderMark(byte[] buf, int start, int end) {
        return end - start >= 3 && buf[start] == (byte) 0xEF && buf[start + 1] == (byte) 0xBB && buf[start + 2] == (byte) 0xBF
                ? start + 3 : start;
    }

    /** The format a header line declares, or null when the first word is not a field name. */
    static FlowLogFormat header(byte[] buf, int start, int end) {
        start = skipByteOrderMark(buf, start, end);
        int wordEnd = start;
        while (wordEnd < end && ByteFields.CLASS[buf[wordEnd] & 0xFF] == ByteFields.VALUE) {
            wordEnd++;
        }
        String first = new String(buf, start, wordEnd - start, StandardCharsets.US_ASCII);
        if (FlowLogField.byName(first) == null) {
            return null;
        }
        return FlowLogFormat.ofHeader(new String(buf, start, end - start, StandardCharsets.US_ASCII));
    }

    private void malformed(FlowLogCounters counters, InputProblem problem) {
        if (options.strict()) {
            throw new InputException(problem);
        }
        counters.malformed(problem);
    }

    private FlowLogLineParser parserFor(FlowLogFormat format) {
        return parsers.computeIfAbsent(format, FlowLogLineParser::new);
    }

    /** A text flow-log file never holds NUL; a binary one is refused before it floods the problem list. */
    private void requireText(String name, int buffered) {
        byte[] buf = lines.buffer();
        for (int i = 0; i < buffered; i++) {
            if (buf[i] == 0) {
                throw new InputException(InputProblem.error(name, 1, null, null,
                        "not a text flow-log file (NUL bytes in its first " + buffered + " bytes)"));
            }
        }
    }

    /** Gzip is recognised by its magic bytes 1f 8b (RFC 1952), not by the file name. */
    private static InputStream decode(InputStream source) throws IOException {
        InputStream raw = new BufferedInputStream(source, GZIP_BUFFER_SIZE);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            // GZIPInputStream reads concatenated members (multi-member files) one after another.
            return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, GZIP_BUFFER_SIZE) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return io.flowpol.inference.model.IoReason.of(e);
    }
}
