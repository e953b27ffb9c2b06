package io.flowpol.cli;

import io.flowpol.inference.model.InputProblem;
import io.flowpol.ingest.cloudwatch.CloudWatchStats;
import io.flowpol.ingest.cloudwatch.InsightsStats;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import io.flowpol.ingest.flowlog.FlowLogStats;
import io.flowpol.ingest.s3.S3Stats;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What reading the flow logs did, whatever the source: the one shape the summary, the report and
 * the findings need. {@code units} names what {@code sources} counts (files, S3 objects, streams).
 */
record ReadSummary(long sources, String units, long records, long malformed, List<InputProblem> problems,
                   long headerColumnsIgnored, String format, String cost) {

    static ReadSummary of(FlowLogStats s, String cost) {
        String format = s.formats().stream().map(FlowLogFormat::toString).distinct().collect(Collectors.joining(" | "));
        return new ReadSummary(s.files(), "file(s)", s.records(), s.malformed(), s.problems(), s.headerColumnsIgnored(),
                format.isEmpty() ? "none" : format, cost);
    }

    static ReadSummary of(S3Stats s) {
        ReadSummary r = of(s.records(),
                "%d ListObjectsV2 and %d GetObject calls, %d retried, %,d bytes, %d objects from the checkpoint"
                .formatted(s.listCalls(), s.getCalls(), s.retries(), s.objectBytes(), s.objectsFromCheckpoint()));
        return new ReadSummary(s.objects(), "S3 object(s)", r.records(), r.malformed(), r.problems(),
                r.headerColumnsIgnored(), r.format(), r.cost());
    }

    static ReadSummary of(CloudWatchStats s, FlowLogFormat format) {
        return new ReadSummary(s.streams(), "log stream(s)", s.events(), s.malformed(), s.problems(), 0,
                format.toString(), "%d FilterLogEvents calls, %d retried, %,d bytes of events, %d slices from the checkpoint"
                        .formatted(s.filterCalls(), s.retries(), s.messageBytes(), s.slicesFromCheckpoint()));
    }

    static ReadSummary of(InsightsStats s, FlowLogFormat format) {
        return new ReadSummary(s.queries(), "Logs Insights queries", s.rows(), 0, List.of(), 0, format.toString(),
                "%d queries, %d GetQueryResults calls, %d retried, %,d records and %,d bytes scanned by CloudWatch"
                        .formatted(s.queries(), s.resultCalls(), s.retries(), s.recordsScanned(), s.bytesScanned()));
    }
}
