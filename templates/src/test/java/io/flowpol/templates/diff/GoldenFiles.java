package io.flowpol.templates.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares an output with {@code templates/src/test/resources/golden-diff/<name>}; with
 * {@code -Dgolden.update=true} rewrites the file first and fails when that changed it, so an
 * update run never passes silently (issue 17): review the git diff, then run again without it.
 */
final class GoldenFiles {
    static final Path DIR = Path.of(System.getProperty("flowpol.repo.dir", ".."), "templates", "src", "test",
            "resources", "golden-diff");

    private GoldenFiles() {
    }

    static void assertGolden(String name, String actual) {
        assertGolden(DIR.resolve(name), actual, Boolean.getBoolean("golden.update"));
    }

    static void assertGolden(Path file, String actual, boolean update) {
        try {
            if (update && !(Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(actual))) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                fail("rewrote " + file + ": review its git diff, then run again without -Dgolden.update");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
