package io.flowpol.cli.propose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary directories of a proposal run (the clone, the generated policies), removed when done. */
public final class ScratchDirectories {
    private ScratchDirectories() {
    }

    /** Deletes {@code dir} and everything below it, children before parents. */
    public static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
