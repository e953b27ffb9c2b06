/**
 * The {@code flowpol} command line: the only package that wires ingest, inference and templates
 * together (STYLE.md layout). One small class per subcommand ({@code <Verb>Command}): options,
 * validation, one call into the pipeline, all output through picocli's {@code out}/{@code err}.
 * Commands throw typed exceptions; {@link io.flowpol.cli.ErrorHandler} is the one error boundary
 * and {@link io.flowpol.cli.ExitCodes} the one mapper to the exit codes of DESIGN.md (0 ok,
 * 1 bad input or run-time failure, 2 usage, 3 observed traffic would be denied).
 */
package io.flowpol.cli;
