package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InputProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The mutable tallies behind one {@link FlowLogStats}; owned by one read. */
final class FlowLogCounters {
    private final int maxProblemSamples;
    private final long startNanos = System.nanoTime();
    int files;
    long lines;
    long records;
    long bytes;
    long malformed;
    long nodata;
    long skipdata;
    private long skipdataFirstMillis = -1;
    private long skipdataLastMillis = -1;
    /** SKIPDATA is rare, so boxing its interface keys costs nothing that matters. */
    private final Set<Long> skipdataInterfaces = new HashSet<>();
    long headerColumnsIgnored;
    private final Set<FlowLogFormat> formats = new LinkedHashSet<>();
    private final List<InputProblem> problems = new ArrayList<>();

    FlowLogCounters(int maxProblemSamples) {
        this.maxProblemSamples = maxProblemSamples;
    }

    /** Counts a record about to be passed to the sink. */
    void record(FlowRecord record) {
        records++;
        if (record.logStatus == FlowRecord.STATUS_NODATA) {
            nodata++;
        } else if (record.logStatus == FlowRecord.STATUS_SKIPDATA) {
            skipdata(record);
        }
    }

    private void skipdata(FlowRecord record) {
        skipdata++;
        if (record.startMillis >= 0 && (skipdataFirstMillis < 0 || record.startMillis < skipdataFirstMillis)) {
            skipdataFirstMillis = record.startMillis;
        }
        if (record.endMillis > skipdataLastMillis) {
            skipdataLastMillis = record.endMillis;
        }
        if (record.hasInterfaceId) {
            skipdataInterfaces.add(record.interfaceId);
        }
    }

    void malformed(InputProblem problem) {
        malformed++;
        if (problems.size() < maxProblemSamples) {
            problems.add(problem);
        }
    }

    void format(FlowLogFormat format) {
        formats.add(format);
    }

    FlowLogStats toStats() {
        return new FlowLogStats(files, lines, records, bytes, malformed, nodata, skipdata,
                skipdataFirstMillis, skipdataLastMillis, skipdataInterfaces.size(), headerColumnsIgnored,
                new ArrayList<>(formats), problems, System.nanoTime() - startNanos);
    }
}
