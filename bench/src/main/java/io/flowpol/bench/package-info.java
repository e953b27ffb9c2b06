/**
 * The DuckDB baseline of GitHub issue 7: the bare aggregation that {@code flowpol generate} must
 * beat on the same v2 flow-log file. Depends on nothing of flowpol's, so DuckDB's native driver
 * never reaches the CLI jar; {@code bench/run.sh} runs it beside {@code flowpol bench}.
 */
package io.flowpol.bench;
