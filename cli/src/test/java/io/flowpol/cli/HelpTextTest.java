package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** STYLE.md (CLI): every option of every command has a description that states its default. */
class HelpTextTest {
    /**
     * Options without a default of their own: one of a group the command requires (a flow-log
     * source, the learn window) or whose absence the description states in other words.
     */
    private static final Set<String> NO_DEFAULT = Set.of("--flow-logs", "--s3", "--cloudwatch-log-group", "--window",
            "--github-repo", "--github-token-file", "--cluster");

    private static List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
            String command = sub.getCommandName();
            for (OptionSpec o : sub.getCommandSpec().options()) {
                String text = String.join(" ", o.description());
                if (text.isBlank()) {
                    problems.add(command + " " + o.longestName() + ": no description");
                } else if (!o.usageHelp() && !o.versionHelp() && !o.required() && o.arity().max() > 0
                        && !NO_DEFAULT.contains(o.longestName()) && !text.contains("Default: ")) {
                    problems.add(command + " " + o.longestName() + ": no 'Default: ' in \"" + text + "\"");
                }
            }
        }
        return problems;
    }

    @Test
    void everyOptionOfEveryCommandIsDescribedWithItsDefault() {
        assertEquals(List.of(), problems());
    }

    @Test
    void everyCommandsHelpIsItsUsageAndExitsZero() {
        for (String command : List.of("generate", "verify", "diff", "record", "learn", "propose", "promote")) {
            Cli.Result r = Cli.run(command, "--help");
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.out().startsWith("Usage: flowpol " + command), r.out());
        }
    }
}
