package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private static final List<String> ALL = List.of("generate", "verify", "diff", "record", "learn", "propose", "promote");

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        for (String name : ALL) {
            assertEquals(List.of(name), List.copyOf(Main.commandLine(new String[] {name, "--help"}).getSubcommands().keySet()));
        }
    }

    @Test
    void noSubcommandHelpOrATypoGetTheWholeTreeInHelpOrder() {
        for (String[] args : new String[][] {{}, {"--help"}, {"generat"}, {"-V"}}) {
            assertEquals(ALL, List.copyOf(Main.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
        }
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatSuggestsTheRealOne() {
        Cli.Result result = Cli.run("generat", "--out", "x");
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("generate"), result.toString());
    }

    @Test
    void settingsReachTheLazilyAddedSubcommand() {
        // Case-insensitive enum values and one-line usage errors apply to the only subcommand built.
        Cli.Result result = Cli.run("generate", "--min-connections", "many", "--out", "x", "--cluster", "r.jsonl");
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("flowpol: error: "), result.toString());
        assertTrue(Main.commandLine(new String[] {"generate"}).getSubcommands().get("generate").isCaseInsensitiveEnumValuesAllowed());
    }

    @Test
    void benchIsNotACommandOfTheUsersJar() {
        // issue 17: the bench command and the samples generator it needs live in bench/target/flowpol-bench.jar
        Cli.Result result = Cli.run("bench", "--records", "1000");
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    }
}
