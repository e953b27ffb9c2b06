package io.flowpol.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming split (what the bench runs on 50 M records) writes byte for byte the files of the
 * in-memory export the tests use, for both formats and with or without the header line.
 */
class PerEniExportTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        new ScenarioGenerator(new ScenarioOptions(5, ScenarioOptions.DEFAULT_START,
                Duration.ofMinutes(20), 120, 0, 3, 10)).write(dir.resolve("scenario"));
    }

    @Test
    void streamingSplitWritesTheInMemoryExportsFiles() throws IOException {
        for (String format : List.of("v2", "v5")) {
            for (boolean header : new boolean[] {false, true}) {
                Path flowLogs = dir.resolve("scenario/flowlogs/" + format);
                Path inMemory = dir.resolve("memory-" + format + "-" + header);
                Path streamed = dir.resolve("streamed-" + format + "-" + header);
                PerEniExport export = PerEniExport.read(flowLogs);
                List<Path> expected = export.writePerEni(inMemory, header);
                long records = PerEniExport.splitPerEni(flowLogs, streamed, header);

                assertEquals(export.lines().size(), records, format);
                assertTrue(expected.size() > 3, "several ENIs per node: " + expected.size() + " files");
                assertEquals(names(inMemory), names(streamed), format);
                for (Path file : expected) {
                    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(streamed.resolve(file.getFileName())),
                            format + " " + file.getFileName());
                }
            }
        }
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
