package io.flowpol.cli;

import io.flowpol.inference.model.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.flowpol.inference.model.IoReason;
import java.nio.file.FileSystemException;
import picocli.CommandLine;

/**
 * The single error boundary (STYLE.md habit 7): one line {@code flowpol: error: <message>} on
 * stderr, the stack trace only with {@code --verbose}; the exit code comes from {@link ExitCodes}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        java.io.PrintWriter err = cli.getErr();
        if (ex instanceof DeniesObservedTrafficException) {
            err.println("flowpol: " + ex.getMessage());
        } else {
            err.println("flowpol: error: " + describe(ex));
            if (ex instanceof InputException e && ExitCodes.isOptionValue(e)) {
                err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
        }
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cli.getExitCodeExceptionMapper().getExitCode(ex);
    }

    /**
     * The one line for {@code ex}: an {@link InputException}'s message as built, an I/O failure
     * as {@code <path>: <reason>}, anything else by its message; never a Java class name, which
     * tells a user nothing (issue 12 item 11; {@code --verbose} prints the stack trace).
     */
    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof FileSystemException e && e.getFile() != null) {
            return e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile()) + ": " + IoReason.of(e);
        }
        if (t instanceof IOException) {
            return IoReason.of(t);
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "an internal error (run with --verbose for the stack trace)";
        }
        return IoReason.withoutClassNames(message.replace('\n', ' '));
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.hasSubcommand() ? r.subcommand() : null) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
