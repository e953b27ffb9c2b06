package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.KubeObjects.event;
import static io.flowpol.ingest.cluster.KubeObjects.pod;
import static io.flowpol.ingest.cluster.KubeObjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 items 9 and 11: line length cap, line numbers of the first line, control bytes in messages. */
class RecordingFileParserTest {

    @TempDir
    Path dir;

    private static final String NAMESPACE = event("2024-05-01T10:00:00Z", "ADDED", KubeObjects.object("Namespace", null, "shop"));

    @Test
    void overLongLineIsFatalWithFileAndLineNotOutOfMemory() throws IOException {
        Path file = dir.resolve("long.jsonl");
        String huge = "{\"time\":\"2024-05-01T10:00:00Z\",\"type\":\"ADDED\",\"object\":{\"pad\":\"" + "x".repeat(300) + "\"}}";
        Files.writeString(file, NAMESPACE + "\n" + huge + "\n", StandardCharsets.UTF_8);

        InputException e = assertThrows(InputException.class, () -> new RecordingFileParser(256).parse(file));

        assertEquals(file.toString(), e.problem().file());
        assertEquals(2, e.problem().line());
        assertTrue(e.problem().expected().contains("at most"), e.getMessage());
    }

    @Test
    void lineAboveTheDefaultCapIsRefused() throws IOException {
        Path file = dir.resolve("long.jsonl");
        Files.writeString(file, NAMESPACE + "\n{\"pad\":\"" + "x".repeat(RecordingLines.MAX_LINE) + "\"}\n", StandardCharsets.UTF_8);

        InputException e = assertThrows(InputException.class, () -> new RecordingFileParser().parse(file));

        assertEquals(2, e.problem().line());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devZeroEndsAtTheCapInsteadOfReadingForever() {
        InputException e = assertThrows(InputException.class, () -> new RecordingFileParser().parse(Path.of("/dev/zero")));

        assertEquals(1, e.problem().line());
        assertFalse(e.getMessage().contains("\0"), "NUL bytes must be escaped");
    }

    @Test
    void jsonErrorOnTheFirstLineIsReportedOnLineOne() {
        Path file = write(dir, "bad.jsonl", List.of(
                "{\"time\":\"2024-05-01T10:00:00Z\",\"type\":\"ADDED\",\"object\":{\"kind\":\"Namespace\",",
                NAMESPACE));

        InputException e = assertThrows(InputException.class, () -> new RecordingFileParser().parse(file));

        assertEquals(1, e.problem().line(), e.getMessage());
    }

    @Test
    void prettyPrintedListStillStartsOnLineOne() {
        Path file = write(dir, "list.json", List.of("{", "  \"kind\": \"NamespaceList\",", "  \"items\": [",
                "    {\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"shop\"}}", "  ]", "}"));

        assertEquals(1, new RecordingFileParser().parse(file).size());
    }

    @Test
    void controlBytesFromTheInputAreEscapedInMessages() {
        Path file = write(dir, "bad.jsonl", List.of(NAMESPACE,
                "{\"time\":\"2024-05-01T10:00:00Z\",\"type\":\"\\u001b[31mADDED\",\"object\":{}}"));

        InputException e = assertThrows(InputException.class, () -> new RecordingFileParser().parse(file));

        assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
        assertTrue(e.getMessage().contains("\\x1b[31mADDED"), e.getMessage());
    }

    @Test
    void controlBytesInAnInvalidLineAreEscaped() {
        Path file = write(dir, "bad.jsonl", List.of(NAMESPACE, "\u001b]0;pwned\u0007 not json"));

        InputException e = assertThrows(InputException.class, () -> new RecordingFileParser().parse(file));

        assertEquals(2, e.problem().line());
        assertFalse(e.getMessage().contains("\u001b") || e.getMessage().contains("\u0007"), e.getMessage());
        assertTrue(e.getMessage().contains("\\x1b]0;pwned\\x07"), e.getMessage());
    }

    @Test
    void normalRecordingStillReads() {
        Path file = write(dir, "ok.jsonl", List.of(NAMESPACE,
                event("2024-05-01T10:00:01Z", "ADDED", pod("shop", "web", "u", "10.0.1.9", "n1", Map.of("app", "web")))));

        assertEquals(2, new RecordingFileParser().parse(file).size());
    }
}
