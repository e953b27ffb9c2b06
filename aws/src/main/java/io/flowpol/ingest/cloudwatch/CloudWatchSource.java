package io.flowpol.ingest.cloudwatch;

/**
 * Which log events to read: a log group, optionally only streams with a name prefix (one
 * stream per ENI for flow logs), over {@code [startMillis, endMillis)} of event time.
 * {@code parallelism} streams are fetched at once (CloudWatch Logs rate-limits per account
 * and region, so keep it small).
 */
public record CloudWatchSource(String logGroup, String streamPrefix, long startMillis, long endMillis, int parallelism) {
    public CloudWatchSource {
        if (logGroup == null || logGroup.isBlank()) {
            throw new IllegalArgumentException("logGroup is required");
        }
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("the window is empty: end <= start");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism < 1");
        }
    }
}
