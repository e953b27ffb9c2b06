package io.flowpol.ingest.s3;

import io.flowpol.ingest.flowlog.FlowLogStats;

/**
 * What an S3 read did, for the report and the cost table of docs/aws-sources.md.
 *
 * @param objects objects read
 * @param listCalls ListObjectsV2 pages requested (folder discovery included)
 * @param getCalls GetObject requests (SDK retries of one request count once)
 * @param retries attempts the SDK repeated after throttling, 5xx or a broken connection, over
 *     every ListObjectsV2 and GetObject call (on top of the calls counted above)
 * @param objectBytes bytes transferred from S3 (gzip, as stored)
 * @param keysOutsideWindow flow-log keys skipped because their name time is outside the window plus slack
 * @param parquetKeys Parquet objects skipped (not supported; the report should say so)
 * @param otherKeys keys that are not flow-log files (skipped)
 * @param records what the parser saw; its {@code files} equals {@code objects}
 */
public record S3Stats(int objects, long listCalls, long getCalls, long retries, long objectsFromCheckpoint, long objectBytes,
                      long keysOutsideWindow, long parquetKeys, long otherKeys, FlowLogStats records) {
}
