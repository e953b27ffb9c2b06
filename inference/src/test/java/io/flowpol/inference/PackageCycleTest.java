package io.flowpol.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code model} holds the plain values every stage shares, so it imports no other package of
 * inference; {@code timeline} builds on it (issue 17: the two imported each other).
 */
class PackageCycleTest {
    private static final Path MODEL = Path.of("src/main/java/io/flowpol/inference/model");

    @Test
    void modelImportsNoOtherInferencePackage() throws IOException {
        try (Stream<Path> files = Files.list(MODEL)) {
            List<String> imports = files.flatMap(PackageCycleTest::lines)
                    .filter(l -> l.startsWith("import io.flowpol.") && !l.startsWith("import io.flowpol.inference.model."))
                    .distinct().sorted().toList();
            assertEquals(List.of(), imports);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
