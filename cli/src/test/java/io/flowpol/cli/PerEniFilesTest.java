package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.samples.PerEniExport;
import io.flowpol.samples.ScenarioGenerator;
import io.flowpol.samples.ScenarioOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GitHub issue 13 through {@code generate}: a scenario's flow log as one file per ENI (a CloudWatch
 * Logs export, no header) gives byte for byte the edges.json of the same records in one
 * time-ordered file. (Against CloudWatch mode itself: aws/'s {@code PerEniFilesTest}, with the
 * local CloudWatch Logs endpoint.)
 */
class PerEniFilesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(longs = {11, 23})
    void perEniFilesGiveTheEdgesJsonOfOneTimeOrderedFile(long seed) throws IOException {
        Path scenario = tmp.resolve("scenario");
        new ScenarioGenerator(new ScenarioOptions(seed, Instant.parse("2026-12-01T08:00:00Z"), Duration.ofMinutes(40), 30, 0))
                .write(scenario);
        PerEniExport export = PerEniExport.read(scenario.resolve("flowlogs/v2"));
        List<Path> perEni = export.writePerEni(scenario.resolve("per-eni"), false);
        Path ordered = scenario.resolve("time-ordered.log");
        export.writeTimeOrdered(ordered, false);
        assertTrue(perEni.size() > 3, "one file per ENI: " + perEni.size());
        String recording = scenario.resolve("recording.jsonl").toString();

        Cli.Result files = Cli.run("generate", "--flow-logs", scenario.resolve("per-eni").toString(),
                "--cluster", recording, "--out", tmp.resolve("out-per-eni").toString());
        Cli.Result one = Cli.run("generate", "--flow-logs", ordered.toString(),
                "--cluster", recording, "--out", tmp.resolve("out-one").toString());
        assertEquals(0, files.exitCode(), files.toString());
        assertEquals(0, one.exitCode(), one.toString());
        assertEquals(Files.readString(tmp.resolve("out-one/edges.json")), Files.readString(tmp.resolve("out-per-eni/edges.json")));
        assertEquals(policies(tmp.resolve("out-one")), policies(tmp.resolve("out-per-eni")));
    }

    /** The YAML files (report.md names the inputs, which differ). */
    private static Map<String, String> policies(Path out) {
        Map<String, String> yaml = new TreeMap<>(PolicyOutput.files(out));
        yaml.keySet().removeIf(name -> !name.endsWith(".yaml"));
        return yaml;
    }
}
