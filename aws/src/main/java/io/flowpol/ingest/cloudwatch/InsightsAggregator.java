package io.flowpol.ingest.cloudwatch;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.ingest.aws.AwsFailures;
import io.flowpol.ingest.aws.RetryCount;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * Logs Insights pushdown: instead of downloading every flow-log event (record mode,
 * {@link CloudWatchFlowLogReader}), asks AWS to aggregate them per flow key, server port and
 * one-minute bin, and emits one synthetic {@link FlowRecord} per aggregated row with the sums
 * of packets and bytes, the earliest start and the latest end. {@link InsightsQuery} explains
 * which port is kept and how tcp-flags stay exact.
 *
 * <p><b>When it is exact.</b> For formats with {@code pkt-srcaddr} and {@code pkt-dstaddr}
 * (custom v3+), every record names both real endpoints, so dropping the client's ephemeral port
 * loses no edge: what inference learns (edges, server ports, protocols, IP@time within a bin,
 * flags, SKIPDATA) is the same as in record mode, provided clients use source ports in
 * 32768–65535 (every Linux pod does). What is lost is the number of distinct connections inside
 * one row. For the v2 default format it is refused: its records are only joined into pod-to-pod
 * flows on both ports (DESIGN.md fact 2), so aggregating them away would invent edges; use
 * record mode there.
 *
 * <p>Queries run one at a time over slices of the window; a slice whose result reaches the row
 * limit (Insights returns at most 10,000 rows) is halved until it fits.
 */
public final class InsightsAggregator {
    private final CloudWatchLogsClient client;
    private final InsightsOptions options;

    public InsightsAggregator(CloudWatchLogsClient client) {
        this(client, InsightsOptions.DEFAULTS);
    }

    public InsightsAggregator(CloudWatchLogsClient client, InsightsOptions options) {
        if (client == null || options == null) {
            throw new IllegalArgumentException(client == null ? "client == null" : "options == null");
        }
        this.client = client;
        this.options = options;
    }

    /**
     * Aggregates the window's events of {@code source} (its {@code parallelism} is not used:
     * queries run one after another) into {@code sink}.
     *
     * @throws InputException when the format cannot be pushed down exactly, a query fails,
     *     is cancelled or times out, AWS refuses a call, or one time bin alone holds more rows
     *     than a query may return
     */
    public InsightsStats read(CloudWatchSource source, FlowLogFormat format, FlowSink sink) {
        long started = System.nanoTime();
        InsightsQuery query = new InsightsQuery(format, source.streamPrefix(), options.binMillis() / 1000, options.maxRows());
        InsightsRecords records = new InsightsRecords(format);
        Tally tally = new Tally();
        // Whole seconds: StartQuery takes epoch seconds, its end inclusive.
        long from = Math.floorDiv(source.startMillis(), 1000) * 1000;
        long to = Math.floorDiv(source.endMillis() + 999, 1000) * 1000;
        FlowRecord record = new FlowRecord();
        Kind traffic = new Kind(query.traffic(), true, query.trafficFields());
        Kind status = new Kind(query.status(), false, query.statusFields());
        for (long slice = from; slice < to; ) {
            long sliceEnd = Math.min(to, Math.floorDiv(slice, options.sliceMillis()) * options.sliceMillis() + options.sliceMillis());
            run(source, traffic, slice, sliceEnd, records, record, sink, tally);
            run(source, status, slice, sliceEnd, records, record, sink, tally);
            slice = sliceEnd;
        }
        return new InsightsStats(tally.queries, tally.resultCalls, tally.retries.retries(), tally.splits, tally.rows,
                tally.matched, tally.scanned, tally.bytes, tally.nodata, tally.skipdata, System.nanoTime() - started);
    }

    /** One of the two queries: its text, whether its rows are traffic, the fields its rows must carry. */
    private record Kind(String text, boolean traffic, List<String> fields) {
    }

    /** Runs {@code kind}'s query over [from, to), halving any range whose result is full, in time order. */
    private void run(CloudWatchSource source, Kind kind, long from, long to, InsightsRecords records,
                     FlowRecord record, FlowSink sink, Tally tally) {
        Deque<long[]> ranges = new ArrayDeque<>();
        ranges.push(new long[] {from, to});
        while (!ranges.isEmpty()) {
            long[] range = ranges.pop();
            GetQueryResultsResponse result = query(source, kind.text(), range[0], range[1], tally);
            long matched = matched(result);
            if (result.results().isEmpty() && matched > 0) {
                // an aggregation over matched records has at least one row: this answer lost them
                throw new InputException(InputProblem.error(where(source) + "#" + tally.queries, 0, null,
                        "aggregated rows for the " + matched + " records the query matched over "
                                + Instant.ofEpochMilli(range[0]) + "/" + Instant.ofEpochMilli(range[1]), "no rows"));
            }
            if (result.results().size() >= options.maxRows()) {
                // Split on a bin boundary so that no bin is counted in two halves.
                long middle = Math.floorDiv(range[0] + (range[1] - range[0]) / 2, options.binMillis()) * options.binMillis();
                if (middle <= range[0]) {
                    throw new InputException(InputProblem.error(where(source), 0, null, "at most "
                            + options.maxRows() + " aggregated rows per " + options.binMillis() / 1000
                            + " s bin (narrow the log streams with a prefix, or use record mode)",
                            "a full result at " + Instant.ofEpochMilli(range[0])));
                }
                tally.splits++;
                ranges.push(new long[] {middle, range[1]});
                ranges.push(new long[] {range[0], middle});
                continue;
            }
            emit(source, result, kind, records, record, sink, tally);
        }
    }

    private void emit(CloudWatchSource source, GetQueryResultsResponse result, Kind kind, InsightsRecords records,
                      FlowRecord record, FlowSink sink, Tally tally) {
        String where = where(source) + "#" + tally.queries;
        long rowNumber = 0;
        Map<String, String> row = new HashMap<>();
        for (List<ResultField> fields : result.results()) {
            row.clear();
            for (ResultField field : fields) {
                row.put(field.field(), field.value());
            }
            requireFields(row, kind.fields(), where, ++rowNumber);
            records.fill(row, kind.traffic(), where, rowNumber, record);
            record.sourceId = (int) tally.queries;
            record.line = rowNumber;
            long count = count(row.get(InsightsQuery.COUNT));
            if (record.logStatus == FlowRecord.STATUS_NODATA) {
                tally.nodata += count;
            } else if (record.logStatus == FlowRecord.STATUS_SKIPDATA) {
                tally.skipdata += count;
            }
            tally.rows++;
            sink.accept(record);
        }
    }

    /**
     * A row that lacks a field the query asked for is malformed: filling it with "-" would turn
     * an endpoint that answers with something else (rows of only {@code @ptr}) into hundreds of
     * thousands of empty records, 0 edges and an empty policy set that looks like a result.
     */
    private static void requireFields(Map<String, String> row, List<String> fields, String where, long rowNumber) {
        List<String> missing = null;
        for (String field : fields) {
            if (!row.containsKey(field)) {
                if (missing == null) {
                    missing = new java.util.ArrayList<>();
                }
                missing.add(field);
            }
        }
        if (missing != null) {
            // Field names come from the endpoint: no control character of theirs reaches the terminal.
            String found = row.isEmpty() ? "an empty row"
                    : "only " + String.join(", ", new java.util.TreeSet<>(row.keySet())).replaceAll("\\p{Cntrl}", "?");
            throw new InputException(InputProblem.error(where, rowNumber, null, "a result row with the fields the query "
                    + "asked for (missing: " + String.join(", ", missing) + ")", found));
        }
    }

    /** Starts one query and polls until it is Complete; any other final status is an error. */
    private GetQueryResultsResponse query(CloudWatchSource source, String text, long from, long to, Tally tally) {
        try {
            String id = client.startQuery(b -> b.logGroupName(source.logGroup()).queryString(text)
                    .startTime(from / 1000).endTime(to / 1000 - 1).limit(options.maxRows())
                    .overrideConfiguration(tally.retries.attach())).queryId();
            tally.queries++;
            while (true) {
                GetQueryResultsResponse response = client.getQueryResults(b -> b.queryId(id)
                        .overrideConfiguration(tally.retries.attach()));
                tally.resultCalls++;
                QueryStatus status = response.status();
                if (status == QueryStatus.COMPLETE) {
                    if (response.statistics() != null) {
                        tally.matched += (long) response.statistics().recordsMatched().doubleValue();
                        tally.scanned += (long) response.statistics().recordsScanned().doubleValue();
                        tally.bytes += (long) response.statistics().bytesScanned().doubleValue();
                    }
                    return response;
                }
                if (status != QueryStatus.SCHEDULED && status != QueryStatus.RUNNING) {
                    throw new InputException(InputProblem.error(where(source), 0, null, "a Complete Logs Insights query",
                            "query " + id + " over " + Instant.ofEpochMilli(from) + "/" + Instant.ofEpochMilli(to)
                                    + " ended " + response.statusAsString()));
                }
                Thread.sleep(options.pollMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(InputProblem.error(where(source), 0, null, null, "interrupted"), e);
        } catch (SdkException e) {
            throw new InputException(InputProblem.error(where(source), 0, null, null, AwsFailures.reason(e)), e);
        }
    }

    private static long matched(GetQueryResultsResponse response) {
        return response.statistics() == null || response.statistics().recordsMatched() == null ? 0
                : (long) response.statistics().recordsMatched().doubleValue();
    }

    private static long count(String value) {
        try {
            return value == null ? 0 : (long) Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String where(CloudWatchSource source) {
        return "cloudwatch-insights:" + source.logGroup();
    }

    /** Counters of one read. */
    private static final class Tally {
        long queries;
        long resultCalls;
        long splits;
        long rows;
        long matched;
        long scanned;
        long bytes;
        long nodata;
        long skipdata;
        final RetryCount retries = new RetryCount();
    }
}
