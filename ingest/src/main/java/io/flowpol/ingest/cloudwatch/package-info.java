/**
 * Reads VPC Flow Logs delivered to CloudWatch Logs (one record per log event, no header line,
 * DESIGN.md fact 8) with the AWS SDK v2 and feeds the same line parser as files.
 */
package io.flowpol.ingest.cloudwatch;
