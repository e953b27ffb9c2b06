package io.flowpol.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioGeneratorTest {
    /** S3 delivery layout (AWS docs, "Flow log files" for Amazon S3). */
    private static final Pattern S3_KEY = Pattern.compile("flowlogs/v[25]/AWSLogs/(\\d{12})/vpcflowlogs/eu-west-1/"
            + "\\d{4}/\\d{2}/\\d{2}/\\1_vpcflowlogs_eu-west-1_fl-[0-9a-f]{17}_\\d{8}T\\d{4}Z_[0-9a-f]{8}\\.log\\.gz");

    @TempDir
    static Path scenarioDir;
    private static GeneratedScenario scenario;

    @TempDir
    Path temp;

    @BeforeAll
    static void generate() {
        scenario = GeneratedScenario.generate(scenarioDir);
    }

    @Test
    void theSameSeedGivesByteIdenticalOutput() throws IOException {
        Path again = temp.resolve("again");
        new ScenarioGenerator(GeneratedScenario.OPTIONS).write(again);
        List<Path> first = files(scenario.dir);
        List<Path> second = files(again);
        assertEquals(first, second);
        for (Path file : first) {
            assertArrayEquals(Files.readAllBytes(scenario.dir.resolve(file)),
                    Files.readAllBytes(again.resolve(file)), file.toString());
        }
    }

    @Test
    void anotherSeedGivesOtherAddressesAndTraffic() throws IOException {
        Path other = temp.resolve("other");
        new ScenarioGenerator(GeneratedScenario.OPTIONS.withSeed(12)).write(other);
        Path base = scenario.dir;
        assertFalse(Files.readString(base.resolve("recording.jsonl"))
                .equals(Files.readString(other.resolve("recording.jsonl"))));
        assertFalse(Files.readString(base.resolve("truth.json")).equals(Files.readString(other.resolve("truth.json"))));
    }

    @Test
    void aRecordCapStopsAtExactlyThatManyRecordsWithoutSimulatingTheRest() throws IOException {
        ScenarioOptions huge = new ScenarioOptions(5, ScenarioOptions.DEFAULT_START, Duration.ofDays(30), 20_000,
                5_000);
        long written = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new ScenarioGenerator(huge).write(temp));
        assertEquals(5_000, written);
        assertEquals(5_000, GeneratedScenario.records(temp, "v2").size());
        assertEquals(5_000, GeneratedScenario.records(temp, "v5").size());
    }

    @Test
    void aDirectoryWithFilesInItIsRefusedSoRunsNeverMix() throws IOException {
        Files.writeString(temp.resolve("stale.txt"), "from another run");
        ScenarioGenerator generator = new ScenarioGenerator(GeneratedScenario.OPTIONS);
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> generator.write(temp));
        assertTrue(e.getMessage().contains(temp.toString()), e.getMessage());
        assertFalse(Files.exists(temp.resolve("recording.jsonl")));
    }

    @Test
    void flowLogFilesFollowTheS3LayoutOneFilePerFiveMinutes() throws IOException {
        Path dir = scenario.dir;
        for (String format : List.of("v2", "v5")) {
            List<Path> logs = GeneratedScenario.logFiles(dir, format);
            assertEquals(GeneratedScenario.OPTIONS.minutes() / 5, logs.size());
            for (Path log : logs) {
                String key = dir.relativize(log).toString().replace('\\', '/');
                assertTrue(S3_KEY.matcher(key).matches(), key);
            }
        }
    }

    @Test
    void theFormatFileNamesTheV5HeaderFieldsInOrder() throws IOException {
        String format = Files.readString(scenario.dir.resolve("format-v5.txt")).trim();
        List<String> fields = new ArrayList<>();
        for (String token : format.split(" ")) {
            assertTrue(token.startsWith("${") && token.endsWith("}"), token);
            fields.add(token.substring(2, token.length() - 1));
        }
        assertEquals(List.of(FlowLogFormat.V5_HEADER.split(" ")), fields);
        assertTrue(fields.containsAll(List.of("pkt-srcaddr", "pkt-dstaddr", "tcp-flags", "flow-direction")));
    }

    @Test
    void argumentsTakeTheDocumentedOptionsAndRejectOthers() {
        ScenarioGenerator.Arguments a = ScenarioGenerator.Arguments.parse(new String[] {"--seed", "9", "--out", "x",
                "--window", "90m", "--density", "12", "--records", "100"});
        assertEquals(new ScenarioOptions(9, ScenarioOptions.DEFAULT_START, Duration.ofMinutes(90), 12, 100),
                a.options());
        assertEquals(Path.of("x"), a.out());
        assertEquals(Duration.ofHours(2), ScenarioGenerator.Arguments.duration("2h"));
        assertThrows(IllegalArgumentException.class,
                () -> ScenarioGenerator.Arguments.parse(new String[] {"--out", "x", "--colour", "red"}));
        assertThrows(IllegalArgumentException.class, () -> ScenarioGenerator.Arguments.parse(new String[] {}));
        assertThrows(IllegalArgumentException.class,
                () -> ScenarioGenerator.Arguments.parse(new String[] {"--out", "x", "--window", "5m"}));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
