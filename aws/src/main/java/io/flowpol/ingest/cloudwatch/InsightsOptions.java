package io.flowpol.ingest.cloudwatch;

/**
 * How {@link InsightsAggregator} slices and polls.
 *
 * @param binMillis time-bin width of the aggregation: fine enough to resolve reused IPs
 *     (DESIGN.md fact 6; pod IPs are rarely reused within a minute); a multiple of 1 s
 * @param sliceMillis time range of one query before any split; a multiple of {@code binMillis}
 * @param maxRows rows one query may return: Logs Insights returns at most 10,000, and a query
 *     that returns that many is assumed truncated and is split in two halves
 * @param pollMillis pause between GetQueryResults calls while a query runs
 */
public record InsightsOptions(long binMillis, long sliceMillis, int maxRows, long pollMillis) {
    /** The Logs Insights limit on rows per query result. */
    public static final int INSIGHTS_MAX_ROWS = 10_000;
    /** One-minute bins, one-hour slices, the full row limit, a poll per second. */
    public static final InsightsOptions DEFAULTS = new InsightsOptions(60_000, 3_600_000, INSIGHTS_MAX_ROWS, 1_000);

    public InsightsOptions {
        if (binMillis < 1000 || binMillis % 1000 != 0) {
            throw new IllegalArgumentException("binMillis must be a positive multiple of 1000: " + binMillis);
        }
        if (sliceMillis < binMillis || sliceMillis % binMillis != 0) {
            throw new IllegalArgumentException("sliceMillis must be a multiple of binMillis: " + sliceMillis);
        }
        if (maxRows < 1 || maxRows > INSIGHTS_MAX_ROWS) {
            throw new IllegalArgumentException("maxRows must be 1-" + INSIGHTS_MAX_ROWS + ": " + maxRows);
        }
        if (pollMillis < 0) {
            throw new IllegalArgumentException("pollMillis < 0");
        }
    }
}
