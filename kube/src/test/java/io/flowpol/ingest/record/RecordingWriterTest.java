package io.flowpol.ingest.record;

import static io.flowpol.ingest.record.RecordingHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingWriterTest {
    private static final Instant T = Instant.parse("2026-12-01T10:20:30.123456Z");

    @TempDir
    Path dir;

    @Test
    void writesOneCompactLinePerEventWithMillisecondUtcTime() throws Exception {
        Path out = dir.resolve("rec.jsonl");
        try (RecordingWriter writer = RecordingWriter.open(out, false)) {
            writer.write(T, "ADDED", json("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a<b\"}}"));
        }
        assertEquals(List.of("{\"time\":\"2026-12-01T10:20:30.123Z\",\"type\":\"ADDED\","
                + "\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a<b\"}}}"), Files.readAllLines(out));
    }

    @Test
    void refusesAnExistingNonEmptyFileWithoutAppendAndLeavesItUntouched() throws Exception {
        Path out = dir.resolve("rec.jsonl");
        Files.writeString(out, "precious\n");
        InputException refused = assertThrows(InputException.class, () -> RecordingWriter.open(out, false));
        assertTrue(refused.getMessage().contains("--append"), refused.getMessage());
        assertEquals("precious\n", Files.readString(out));
    }

    @Test
    void acceptsAnExistingEmptyFile() throws Exception {
        Path out = Files.createFile(dir.resolve("rec.jsonl"));
        try (RecordingWriter writer = RecordingWriter.open(out, false)) {
            writer.write(T, "ADDED", json("{}"));
        }
        assertEquals(1, Files.readAllLines(out).size());
    }

    @Test
    void appendKeepsEarlierLinesAndEndsALineCutByACrash() throws Exception {
        Path out = dir.resolve("rec.jsonl");
        Files.writeString(out, "{\"whole\":1}\n{\"cut", StandardCharsets.UTF_8);
        try (RecordingWriter writer = RecordingWriter.open(out, true)) {
            writer.write(T, "DELETED", json("{}"));
        }
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertEquals("{\"whole\":1}", lines.get(0));
        assertEquals("{\"cut", lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"time\""), lines.get(2));
    }

    @Test
    void aTimeEarlierThanThePreviousLineIsWrittenAsThePreviousTime() throws Exception {
        Path out = dir.resolve("rec.jsonl");
        try (RecordingWriter writer = RecordingWriter.open(out, false)) {
            writer.write(T, "ADDED", json("{}"));
            writer.write(T.minusMillis(3), "ADDED", json("{}"));
            assertEquals(2, writer.events());
        }
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(1).contains("\"time\":\"2026-12-01T10:20:30.123Z\""), lines.get(1));
    }

    @Test
    void flushesWithoutBeingClosed() throws Exception {
        Path out = dir.resolve("rec.jsonl");
        try (RecordingWriter writer = RecordingWriter.open(out, false)) {
            writer.write(T, "ADDED", json("{}"));
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (Files.size(out) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.size(out) > 0, "flushed within a second while still open");
        }
    }

    @Test
    void writingAfterCloseFails() throws Exception {
        RecordingWriter writer = RecordingWriter.open(dir.resolve("rec.jsonl"), false);
        writer.close();
        assertThrows(java.io.UncheckedIOException.class, () -> writer.write(T, "ADDED", json("{}")));
    }
}
