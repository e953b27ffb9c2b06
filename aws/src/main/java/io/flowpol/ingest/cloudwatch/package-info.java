/**
 * Reads VPC Flow Logs delivered to CloudWatch Logs (one record per log event, no header line,
 * DESIGN.md fact 8) with the AWS SDK v2, in one of two modes:
 *
 * <ul>
 *   <li><b>record mode</b>, {@link io.flowpol.ingest.cloudwatch.CloudWatchFlowLogReader}: every
 *       event is downloaded (FilterLogEvents) and fed to the same line parser as files; exact for
 *       every format;
 *   <li><b>Logs Insights pushdown</b>, {@link io.flowpol.ingest.cloudwatch.InsightsAggregator}:
 *       AWS aggregates the events per flow key, server port and one-minute bin, and each
 *       aggregated row becomes one synthetic record; exact at the edge level for formats with
 *       {@code pkt-srcaddr}/{@code pkt-dstaddr}, refused for the others.
 * </ul>
 *
 * <p>Contract: records reach the sink on the calling thread, as the reused
 * {@link io.flowpol.inference.model.FlowRecord} cursor; errors are
 * {@link io.flowpol.inference.model.InputException}s naming {@code cloudwatch:<group>/<stream>:<event>}
 * or {@code cloudwatch-insights:<group>}.
 */
package io.flowpol.ingest.cloudwatch;
