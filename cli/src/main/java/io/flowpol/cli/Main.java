package io.flowpol.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar: runs the command tree and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Usage errors in one line plus a pointer to --help, not the whole help text (exit 2). */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        java.io.PrintWriter err = command.getErr();
        err.println("flowpol: error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The configured command tree; tests run it in-process and capture out/err. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FlowpolCommand());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExitCodeExceptionMapper(new ExitCodes.Mapper());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // A mistyped flag after a multi-value option ("--cluster r.jsonl -o yaml") is an unknown
        // option (exit 2), not a file named "-o" (picocli's default takes it as a value).
        cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }
}
