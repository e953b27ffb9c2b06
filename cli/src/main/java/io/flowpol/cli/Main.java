package io.flowpol.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Entry point of the runnable jar: runs the command tree and exits with its code. */
public final class Main {
    /** In the order {@code flowpol --help} lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** Usage errors in one line plus a pointer to --help, not the whole help text (exit 2). */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        java.io.PrintWriter err = command.getErr();
        err.println("flowpol: error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The whole configured command tree; tests run it in-process and capture out/err. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command tree for {@code args}: when the first argument names a subcommand, only that
     * one is built. Picocli builds every option of every subcommand it is given, and for all
     * seven that was a quarter of a second of each run's start-up (issue 7); {@code flowpol},
     * {@code flowpol --help} and a mistyped command still get the whole tree, so their help and
     * suggestions list every command.
     */
    public static CommandLine commandLine(String[] args) {
        String first = args.length > 0 ? args[0] : null;
        boolean one = SUBCOMMANDS.containsKey(first);
        CommandLine cli = new CommandLine(new FlowpolCommand());
        SUBCOMMANDS.forEach((name, command) -> {
            if (!one || name.equals(first)) {
                cli.addSubcommand(name, command.get());
            }
        });
        // Settings after the subcommands: picocli applies them to the subcommands present now.
        configure(cli);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }

    /**
     * One command on its own with the error handling of flowpol's subcommands (usage errors in one
     * line, exit 2; input errors exit 1 without a stack trace): the bench module's jar runs its
     * {@code BenchCommand} so (issue 17: bench is not in the user's jar).
     */
    public static CommandLine standalone(Object command) {
        return configure(new CommandLine(command));
    }

    private static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExitCodeExceptionMapper(new ExitCodes.Mapper());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // A mistyped flag after a multi-value option ("--cluster r.jsonl -o yaml") is an unknown
        // option (exit 2), not a file named "-o" (picocli's default takes it as a value).
        cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
        return cli;
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("generate", GenerateCommand::new);
        all.put("verify", VerifyCommand::new);
        all.put("diff", DiffCommand::new);
        all.put("record", RecordCommand::new);
        all.put("learn", LearnCommand::new);
        all.put("propose", ProposeCommand::new);
        all.put("promote", PromoteCommand::new);
        return all;
    }
}
