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

    /**
     * Adds the tallies of one unit read after everything counted so far, as if its lines had
     * been read here: {@code lineBase} (the lines of the same input's earlier units) turns its
     * unit-relative problem lines into the input's line numbers; the problem samples keep the
     * first ones in input order.
     */
    void absorb(FlowLogCounters unit, long lineBase) {
        absorbTotals(unit);
        absorbSamples(unit, lineBase);
    }

    /** The part of {@link #absorb} that does not depend on the order of units: sums, extremes, sets. */
    void absorbTotals(FlowLogCounters unit) {
        lines += unit.lines;
        records += unit.records;
        bytes += unit.bytes;
        nodata += unit.nodata;
        skipdata += unit.skipdata;
        if (unit.skipdataFirstMillis >= 0 && (skipdataFirstMillis < 0 || unit.skipdataFirstMillis < skipdataFirstMillis)) {
            skipdataFirstMillis = unit.skipdataFirstMillis;
        }
        skipdataLastMillis = Math.max(skipdataLastMillis, unit.skipdataLastMillis);
        skipdataInterfaces.addAll(unit.skipdataInterfaces);
        headerColumnsIgnored += unit.headerColumnsIgnored;
        malformed += unit.malformed;
    }

    /** The part of {@link #absorb} that depends on the order of units: formats first seen, problem samples. */
    void absorbSamples(FlowLogCounters unit, long lineBase) {
        formats.addAll(unit.formats);
        for (InputProblem problem : unit.problems) {
            if (problems.size() == maxProblemSamples) {
                break;
            }
            problems.add(rebase(problem, lineBase));
        }
    }

    /** True when {@link #absorbSamples} would add at most {@link #firstFormat()}: no problem samples, one format or none. */
    boolean onlyFormatSample() {
        return problems.isEmpty() && formats.size() <= 1;
    }

    /** The first format counted, null for none. */
    FlowLogFormat firstFormat() {
        return formats.isEmpty() ? null : formats.iterator().next();
    }

    /** {@code problem} with its unit-relative line made the input's line; line 0 (no line) stays 0. */
    static InputProblem rebase(InputProblem problem, long lineBase) {
        if (lineBase == 0 || problem.line() <= 0) {
            return problem;
        }
        return new InputProblem(problem.file(), problem.line() + lineBase, problem.field(), problem.expected(),
                problem.found(), problem.severity());
    }

    FlowLogStats toStats() {
        return new FlowLogStats(files, lines, records, bytes, malformed, nodata, skipdata,
                skipdataFirstMillis, skipdataLastMillis, skipdataInterfaces.size(), headerColumnsIgnored,
                new ArrayList<>(formats), problems, System.nanoTime() - startNanos);
    }
}
