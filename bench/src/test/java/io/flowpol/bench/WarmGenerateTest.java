package io.flowpol.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WarmGenerateTest {
    /** The bundled demo, from the bench module's directory (Maven runs tests there). */
    private static final Path DEMO = Path.of("..", "samples", "demo").toAbsolutePath().normalize();
    private static final Pattern LINE = Pattern.compile(
            "run \\d+: exit 0, wall \\d+\\.\\d\\d s, command thread \\d+\\.\\d\\d CPU s, process \\d+\\.\\d\\d CPU s");

    @Test
    void runsGenerateOnTheDemoEachTimeWithItsOwnOutputAndTimesEveryRun() throws Exception {
        var bytes = new ByteArrayOutputStream();
        int failed = WarmGenerate.run(2, new String[] {"generate", "--flow-logs", DEMO.resolve("flowlogs/v5").toString(),
                "--cluster", DEMO.resolve("recording.jsonl").toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, failed, String.join("\n", lines));
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("run 1: ") && lines.get(1).startsWith("run 2: "), lines.toString());
        lines.forEach(line -> assertTrue(LINE.matcher(line).matches(), line));
        // A second run in the same output directory would fail (exit 1: not flowpol's); each got its own and it is gone.
        try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().startsWith("flowpol-warm")
                    && Files.isDirectory(p) && isNewerThanTheTest(p)));
        }
    }

    @Test
    void aFailingRunIsCountedAndItsErrorShown() throws Exception {
        var bytes = new ByteArrayOutputStream();
        int failed = WarmGenerate.run(1, new String[] {"generate", "--flow-logs", "/nonexistent/flowlogs",
                "--cluster", DEMO.resolve("recording.jsonl").toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, failed, text);
        assertTrue(text.startsWith("run 1: exit 2") || text.startsWith("run 1: exit 1"), text);
        assertTrue(text.contains("/nonexistent/flowlogs"), text);
    }

    private static final long STARTED = System.currentTimeMillis();

    private static boolean isNewerThanTheTest(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis() >= STARTED;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
