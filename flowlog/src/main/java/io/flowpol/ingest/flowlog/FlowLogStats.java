package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.InputProblem;
import java.util.List;

/**
 * What one {@link FlowLogReader#read} saw, for the report and its warnings.
 *
 * @param files files read
 * @param lines lines read, headers, blank and malformed lines included
 * @param records records passed to the sink, NODATA and SKIPDATA included
 * @param bytes text bytes read (after gzip decompression)
 * @param malformed lines skipped because they did not fit their format
 * @param nodata NODATA records: no traffic on the interface in the interval
 * @param skipdata SKIPDATA records: records were lost in the interval (DESIGN.md fact 8)
 * @param skipdataFirstMillis earliest start of a SKIPDATA interval, -1 when none or unknown
 * @param skipdataLastMillis latest end of a SKIPDATA interval, -1 when none or unknown
 * @param skipdataInterfaces distinct interfaces with SKIPDATA records
 * @param headerColumnsIgnored header columns with a name this code does not know (AWS adds fields)
 * @param formats distinct formats the files were read with, in order of first use
 * @param problems the first malformed-line problems, at most {@link FlowLogOptions#maxProblemSamples()}
 * @param elapsedNanos wall time of the read
 */
public record FlowLogStats(
        int files,
        long lines,
        long records,
        long bytes,
        long malformed,
        long nodata,
        long skipdata,
        long skipdataFirstMillis,
        long skipdataLastMillis,
        int skipdataInterfaces,
        long headerColumnsIgnored,
        List<FlowLogFormat> formats,
        List<InputProblem> problems,
        long elapsedNanos) {

    public FlowLogStats {
        formats = List.copyOf(formats);
        problems = List.copyOf(problems);
    }

    /** Whether any interval lost records: the report must say so, never read it as "no traffic". */
    public boolean hasDataLoss() {
        return skipdata > 0;
    }
}
