/**
 * {@code flowpol bench} (GitHub issue 7): prepares a generated v2 flow-log file and its
 * recording, then times the real pipeline classes stage by stage (parse; parse, resolve and
 * orient; the whole inference to edges) with 1 or 2 threads and prints a Markdown table of
 * records/s, MB/s, wall time and heap. Measures only: it changes nothing it measures, and uses
 * no copies of the pipeline's code.
 */
package io.flowpol.cli.bench;
