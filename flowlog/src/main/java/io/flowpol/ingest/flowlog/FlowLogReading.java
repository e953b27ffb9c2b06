package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowSink;
import java.nio.file.Path;
import java.util.List;

/**
 * A started read of local flow-log files whose parsers may already be running before there is
 * a sink (GitHub issue 7: they overlap reading the recording). Call {@link #into} once, or
 * {@link #close} to stop the parsers of a reading that is never consumed.
 */
public interface FlowLogReading extends AutoCloseable {

    /**
     * Passes every record to {@code sink} on this thread.
     *
     * @return the statistics of the whole read, as {@link FlowLogReader#read} gives them
     * @throws io.flowpol.inference.model.InputException for an unreadable, truncated or binary
     *     file, and in strict mode for a malformed line; any exception the sink throws
     */
    FlowLogStats into(FlowSink sink);

    /** Stops the parsers of a reading that was never consumed; else nothing. */
    @Override
    void close();

    /**
     * Starts reading local {@code files} on two parsing threads, as {@code generate} and every
     * learning command do. One file is read in order, cut into ranges parsed in parallel
     * ({@link PipelinedFlowLogReader}). Several files are merged by record start
     * ({@link TimeOrderedFlowLogReader}): per-ENI exports each cover the whole window, and the
     * join of a connection's records needs them in time order across files (DESIGN.md fact 14,
     * GitHub issue 13).
     */
    static FlowLogReading start(List<Path> files, FlowLogOptions options, InputProgress progress) {
        if (files.size() > 1) {
            return new TimeOrderedFlowLogReader(options, 2).start(files, progress);
        }
        return new PipelinedFlowLogReader(options, 2).start(files, progress);
    }
}
