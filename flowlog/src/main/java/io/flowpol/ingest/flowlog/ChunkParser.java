package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses the lines of a {@link LineChunk} into the records of its batch, exactly as
 * {@link FlowLogReader} parses them from the stream: blank lines counted and skipped, a bad line
 * counted and sampled (or, in strict mode, raised), each record numbered by its line in the input.
 * One per worker thread: the line parsers are not thread-safe.
 */
final class ChunkParser {
    private final FlowLogOptions options;
    private final Map<FlowLogFormat, FlowLogLineParser> parsers = new HashMap<>();
    /** This worker's cursor: parsed into here, then packed into the batch (see {@link RecordBatch}). */
    private final FlowRecord record = new FlowRecord();

    ChunkParser(FlowLogOptions options) {
        this.options = options;
    }

    /**
     * Fills {@code batch}, which must have room for every line of {@code chunk}, and tallies into
     * the chunk's counters.
     *
     * @throws InputException in strict mode for the first malformed line; the records before it are in the batch
     */
    void parse(LineChunk chunk, RecordBatch batch) {
        FlowLogLineParser parser = parsers.computeIfAbsent(chunk.format, FlowLogLineParser::new);
        FlowLogCounters counters = chunk.counters;
        byte[] text = chunk.text;
        int[] ends = chunk.ends;
        int start = 0;
        long line = chunk.firstLine;
        for (int i = 0; i < chunk.lines; i++, line++) {
            int end = ends[i];
            counters.lines++;
            if (!ByteFields.isBlank(text, start, end)) {
                if (parser.parse(text, start, end, record)) {
                    record.sourceId = chunk.sourceId;
                    record.line = line;
                    counters.record(record);
                    batch.add(record);
                } else {
                    malformed(counters, parser.problem().toInputProblem(chunk.name, line, text));
                }
            }
            start = end;
        }
        if (chunk.tooLong != null) {
            counters.lines++;
            malformed(counters, chunk.tooLong);
        }
    }

    private void malformed(FlowLogCounters counters, InputProblem problem) {
        if (options.strict()) {
            throw new InputException(problem);
        }
        counters.malformed(problem);
    }
}
