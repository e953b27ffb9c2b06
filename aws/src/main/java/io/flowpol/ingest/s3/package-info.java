/**
 * Reads VPC Flow Logs that AWS delivered to Amazon S3 with the AWS SDK v2: lists only the day
 * folders of the learning window ({@code AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/}),
 * keeps the objects whose file-name timestamp falls in the window (with one file period of
 * slack), and streams each object, in key order, through the same byte-level parser as local
 * files ({@link io.flowpol.ingest.flowlog.FlowLogReader}).
 *
 * <p>Contract: errors name {@code s3://bucket/key:line}; a record's {@code sourceId} is the
 * object's index in key order. Records are not trimmed to the window: the slack files hold
 * records just outside it, exactly as the same files read from disk would.
 * Parquet delivery is not read (see {@link io.flowpol.ingest.s3.S3FlowLogReader}).
 */
package io.flowpol.ingest.s3;
