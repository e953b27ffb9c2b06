package io.flowpol.templates.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** {@code -Dgolden.update=true} fails the run when it changed a file (issue 17), passes when it did not. */
class GoldenFilesTest {
    @TempDir
    Path dir;

    @Test
    void anUpdateThatChangesTheFileRewritesItAndFails() throws Exception {
        Path file = Files.writeString(dir.resolve("x.md"), "old\n");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> GoldenFiles.assertGolden(file, "new\n", true));
        assertTrue(failure.getMessage().contains("review its git diff"), failure.getMessage());
        assertEquals("new\n", Files.readString(file));
    }

    @Test
    void anUpdateThatWritesANewFileFails() {
        assertThrows(AssertionFailedError.class, () -> GoldenFiles.assertGolden(dir.resolve("sub/y.md"), "y\n", true));
        assertTrue(Files.isRegularFile(dir.resolve("sub/y.md")));
    }

    @Test
    void anUpdateThatChangesNothingPasses() throws Exception {
        Path file = Files.writeString(dir.resolve("x.md"), "same\n");
        GoldenFiles.assertGolden(file, "same\n", true);
        assertThrows(AssertionFailedError.class, () -> GoldenFiles.assertGolden(file, "other\n", false));
        assertEquals("same\n", Files.readString(file));
    }
}
