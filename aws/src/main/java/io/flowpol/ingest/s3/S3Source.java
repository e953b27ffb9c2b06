package io.flowpol.ingest.s3;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;

/**
 * Where flow logs were delivered in S3 and which window to read.
 *
 * @param bucket the bucket name
 * @param prefix the key prefix the user gave: empty, the flow log's destination folder (above
 *     {@code AWSLogs/}), or any folder below it down to a region or a day
 * @param startMillis window start, inclusive, epoch milliseconds
 * @param endMillis window end, exclusive
 * @param filePeriodMillis how often AWS writes a log file per flow log; keys whose name
 *     timestamp is this far outside the window are still read, because a file's records can
 *     start before its timestamp and be delivered after it
 */
public record S3Source(String bucket, String prefix, long startMillis, long endMillis, long filePeriodMillis) {
    /** AWS publishes S3 log files every 5 minutes (VPC User Guide, "Flow log files"). */
    public static final long DEFAULT_FILE_PERIOD_MILLIS = 5 * 60_000L;

    public S3Source {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket is required");
        }
        prefix = prefix == null ? "" : prefix;
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("the window is empty: end <= start");
        }
        if (filePeriodMillis < 0) {
            throw new IllegalArgumentException("filePeriodMillis < 0");
        }
    }

    /**
     * Parses {@code s3://bucket/prefix} with the default file period.
     *
     * @throws InputException when the text is not an {@code s3://} URI with a bucket
     */
    public static S3Source parse(String uri, long startMillis, long endMillis) {
        if (uri == null || !uri.startsWith("s3://") || uri.length() == "s3://".length()
                || uri.charAt("s3://".length()) == '/') {
            throw new InputException(InputProblem.error(null, 0, "source", "s3://bucket/prefix", "'" + uri + "'"));
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        return new S3Source(bucket, prefix, startMillis, endMillis, DEFAULT_FILE_PERIOD_MILLIS);
    }

    /** {@code s3://bucket/key}, how errors name an object. */
    public String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
