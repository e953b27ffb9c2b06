package io.flowpol.ingest.cloudwatch;

/**
 * What an {@link InsightsAggregator} read did, for the report and the cost table of
 * docs/aws-sources.md (Logs Insights is billed per GB scanned).
 *
 * @param queries StartQuery calls, splits included
 * @param resultCalls GetQueryResults calls (polls)
 * @param retries attempts of StartQuery and GetQueryResults the SDK repeated (throttling, 5xx)
 * @param splits slices halved because a result hit the row limit
 * @param rows aggregated rows received and passed to the sink (one synthetic record each)
 * @param recordsMatched flow-log events the queries aggregated, as AWS reports it
 * @param recordsScanned log events AWS scanned
 * @param bytesScanned bytes AWS scanned (what Insights bills)
 * @param nodata NODATA events (AWS's count; one synthetic record per interface and bin)
 * @param skipdata SKIPDATA events: records were lost (DESIGN.md fact 8)
 * @param elapsedNanos wall time
 */
public record InsightsStats(long queries, long resultCalls, long retries, long splits, long rows, long recordsMatched,
                            long recordsScanned, long bytesScanned, long nodata, long skipdata, long elapsedNanos) {

    /** Whether any interval lost records: the report must say so, never read it as "no traffic". */
    public boolean hasDataLoss() {
        return skipdata > 0;
    }
}
