package io.flowpol.templates.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares an output with {@code templates/src/test/resources/golden-diff/<name>}; with
 * {@code -Dgolden.update=true} rewrites the file first (then review its git diff).
 */
final class GoldenFiles {
    static final Path DIR = Path.of(System.getProperty("flowpol.repo.dir", ".."), "templates", "src", "test",
            "resources", "golden-diff");

    private GoldenFiles() {
    }

    static void assertGolden(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
