package io.flowpol.cli;

import io.flowpol.inference.model.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
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

    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or directory";
        }
        if (t instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (t instanceof IOException && t.getMessage() != null) {
            return t.getMessage();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.replace('\n', ' ');
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
