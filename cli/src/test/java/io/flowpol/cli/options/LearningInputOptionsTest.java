package io.flowpol.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.cli.Main;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** generate and propose take the learning inputs from one mixin: the same flags, in one order (issue 17). */
class LearningInputOptionsTest {

    private static List<String> names(CommandSpec spec) {
        return spec.options().stream().map(OptionSpec::longestName).toList();
    }

    @Test
    void generateAndProposeListTheSameLearningInputsInTheSameOrder() {
        List<String> inputs = names(CommandSpec.forAnnotatedObject(new LearningInputOptions()));
        assertTrue(inputs.containsAll(List.of("--flow-logs", "--cluster", "--since", "--until")), inputs.toString());
        for (String command : List.of("generate", "propose")) {
            List<String> all = names(Main.commandLine().getSubcommands().get(command).getCommandSpec());
            assertEquals(inputs, all.stream().filter(inputs::contains).toList(), command);
        }
    }
}
