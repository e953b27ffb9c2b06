package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The scheduled samples in samples/ci run the daily loop (issue 15): each one's propose command
 * learns into a state and uses only options propose has, so a renamed flag breaks this test, not
 * a team's morning job.
 */
class CiSamplesTest {
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");

    @Test
    void everyScheduledSampleRunsProposeWithTheStateAndKnownOptions() throws IOException {
        CommandSpec propose = Main.commandLine().getSubcommands().get("propose").getCommandSpec();
        List<Path> samples;
        try (var files = Files.list(Cli.REPO.resolve("samples/ci"))) {
            samples = files.sorted().toList();
        }
        assertEquals(List.of("flowpol-propose.gitlab-ci.yml", "flowpol-propose.yml", "propose-cronjob.yaml"),
                samples.stream().map(p -> p.getFileName().toString()).toList());
        for (Path sample : samples) {
            List<String> flags = flags(sample);
            assertTrue(flags.contains("--state"), sample + ": the daily loop learns into a state: " + flags);
            for (String flag : flags) {
                assertNotNull(propose.findOption(flag), sample + ": propose has no option " + flag);
            }
        }
        assertTrue(flags(Cli.REPO.resolve("samples/ci/flowpol-propose.gitlab-ci.yml")).contains("--gitlab-project"));
    }

    /** The options of the sample's propose command: its line and the "--" lines that continue it. */
    private static List<String> flags(Path sample) throws IOException {
        List<String> lines = Files.readAllLines(sample);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("flowpol-all.jar propose")) {
                start = i;
            }
        }
        assertTrue(start >= 0, sample + " runs propose");
        List<String> flags = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && lines.get(i).trim().startsWith("--"); i++) {
            Matcher m = FLAG.matcher(lines.get(i).replaceAll("\"[^\"]*\"", "\"\""));
            while (m.find()) {
                flags.add(m.group());
            }
        }
        return flags;
    }
}
