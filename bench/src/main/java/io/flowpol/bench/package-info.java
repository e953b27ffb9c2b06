/**
 * Measurements, outside the user's jar (GitHub issues 7 and 17). {@link io.flowpol.bench.BenchCommand}
 * prepares a generated v2 flow-log file and its recording with the samples generator, then times
 * the real pipeline classes stage by stage (parse; parse, resolve and orient; the whole inference
 * to edges) with 1 or 2 threads and prints a Markdown table of records/s, MB/s, wall time and
 * heap; it changes nothing it measures and uses no copies of the pipeline's code.
 * {@link io.flowpol.bench.DuckDbAggregation} is the DuckDB baseline, the bare aggregation that
 * {@code flowpol generate} must beat on the same file. {@code bench/run.sh} runs both from
 * {@code target/flowpol-bench.jar}.
 */
package io.flowpol.bench;
