package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a read shows to its caller, for comparing the parallel reader with the sequential
 * one: every field of every record in sink order, the statistics (wall time left out) or the
 * message of the {@link InputException} that stopped the read.
 */
record ReadOutcome(List<String> records, FlowLogStats stats, String failure) {

    interface Read {
        FlowLogStats read(List<Path> files, FlowSink sink);
    }

    static ReadOutcome sequential(FlowLogOptions options, List<Path> files) {
        return of(new FlowLogReader(options)::read, files);
    }

    static ReadOutcome parallel(FlowLogOptions options, long unitBytes, List<Path> files) {
        return of(new PipelinedFlowLogReader(options, 2, unitBytes)::read, files);
    }

    static ReadOutcome of(Read reader, List<Path> files) {
        List<String> records = new ArrayList<>();
        try {
            FlowLogStats s = reader.read(files, r -> records.add(fields(r)));
            FlowLogStats timeless = new FlowLogStats(s.files(), s.lines(), s.records(), s.bytes(), s.malformed(),
                    s.nodata(), s.skipdata(), s.skipdataFirstMillis(), s.skipdataLastMillis(), s.skipdataInterfaces(),
                    s.headerColumnsIgnored(), s.formats(), s.problems(), 0);
            return new ReadOutcome(records, timeless, null);
        } catch (InputException e) {
            return new ReadOutcome(records, null, e.getMessage());
        }
    }

    /** Every field of the cursor, so that a lost, stale or shifted copy shows. */
    static String fields(FlowRecord r) {
        return r.sourceId + ":" + r.line + " v" + r.version + " eni=" + r.interfaceId + "/" + r.hasInterfaceId
                + " " + r.srcHi + "." + r.srcLo + "/" + r.hasSrcAddr + ":" + r.srcPort
                + ">" + r.dstHi + "." + r.dstLo + "/" + r.hasDstAddr + ":" + r.dstPort + " p" + r.protocol
                + " " + r.packets + "/" + r.bytes + " " + r.startMillis + "-" + r.endMillis + " a" + r.action
                + " s" + r.logStatus + " f" + r.tcpFlags + " pkt " + r.pktSrcHi + "." + r.pktSrcLo + "/"
                + r.hasPktSrcAddr + ">" + r.pktDstHi + "." + r.pktDstLo + "/" + r.hasPktDstAddr
                + " d" + r.flowDirection + " t" + r.trafficPath;
    }
}
