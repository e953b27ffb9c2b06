package io.flowpol.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One JSON library per job (issue 17): Gson only where client-java's watched objects are Gson
 * trees (the recorder, {@code ingest.record}); Jackson everywhere else.
 */
class JsonLibrariesTest {
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void gsonIsUsedOnlyByTheRecorder() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> outside = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(MAIN.resolve("io/flowpol/ingest/record")))
                    .filter(JsonLibrariesTest::mentionsGson)
                    .map(Path::toString).sorted().toList();
            assertEquals(List.of(), outside);
        }
    }

    private static boolean mentionsGson(Path file) {
        try {
            return Files.readString(file).contains("com.google.gson");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
