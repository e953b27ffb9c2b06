package io.flowpol.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar: runs the command tree and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command tree; tests run it in-process and capture out/err. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FlowpolCommand());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setExitCodeExceptionMapper(new ExitCodes.Mapper());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }
}
