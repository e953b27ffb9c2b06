/**
 * Reads AWS VPC Flow Log records (files, gzip, the S3 layout) into the reused
 * {@link io.flowpol.inference.model.FlowRecord} cursor and pushes each to a
 * {@link io.flowpol.inference.model.FlowSink}.
 *
 * <p>Contract: every record of every file reaches the sink in file order and line order,
 * NODATA and SKIPDATA records included (DESIGN.md fact 8); {@code sourceId} is the index of
 * the file in the list given to {@link io.flowpol.ingest.flowlog.FlowLogReader#read}, and
 * {@code line} its 1-based line number. A line that does not fit the format is skipped and
 * counted (or, in strict mode, stops the run) with an
 * {@link io.flowpol.inference.model.InputProblem} naming file, line and field. Unreadable,
 * truncated or binary files always stop the run with an
 * {@link io.flowpol.inference.model.InputException}, and so does a header line that names a
 * field twice, lacks a field the pipeline needs
 * ({@link io.flowpol.ingest.flowlog.FlowLogFormat#missingRequired()}) or disagrees with a forced
 * format (GitHub issue 12). A UTF-8 byte order mark before line 1 is skipped; a record that ends
 * before it starts does not fit.
 *
 * <p>The hot loop parses bytes: one buffer, no regex, no String and no allocation per record
 * (STYLE.md habit 5, after jackson-core). Only IPv6 addresses and error paths allocate. A line
 * as AWS writes it is cut into values eight bytes at a time ({@code ValueSplitter}, {@code Swar})
 * and converted field by field ({@code FusedLineParser}); any other line is parsed again by the
 * checked path, which names the problem.
 *
 * <p>{@link io.flowpol.ingest.flowlog.PipelinedFlowLogReader} runs the same reader on two
 * threads over {@link io.flowpol.ingest.flowlog.ReadUnit}s (a file each, byte ranges of a large
 * plain file) and hands records over in batches, taking the units back in input order, so that
 * records, line numbers, statistics and the first error do not depend on the thread count
 * (GitHub issue 7). Its {@code start} begins parsing before the consumer exists (while the
 * recording is read); {@link io.flowpol.ingest.flowlog.InputProgress} counts the raw bytes read
 * for a progress line.
 *
 * <p>{@link io.flowpol.ingest.flowlog.TimeOrderedFlowLogReader} reads several files merged by
 * record start (GitHub issue 13, DESIGN.md fact 14: one file per ENI, as a CloudWatch Logs export
 * has them, each covering the whole window): two workers parse the open files a batch at a time,
 * one file's chunks of lines side by side ({@link io.flowpol.ingest.flowlog.ParsePool}), and a
 * k-way merge on the consumer's thread puts records in CloudWatch's order (start, file, line). {@link io.flowpol.ingest.flowlog.FlowLogReading#start}
 * chooses between the two for local files.
 */
package io.flowpol.ingest.flowlog;
