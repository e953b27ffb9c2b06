package io.flowpol.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for one try (a fuzz case has no @TempDir of its own); deleted on close. */
record Workspace(Path dir) implements AutoCloseable {

    static Workspace create() {
        try {
            return new Workspace(Files.createTempDirectory("flowpol-fuzz-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String relative, byte[] bytes) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Copies {@code source}'s files under {@code relative} (an existing output directory). */
    Path copy(Path source, String relative) {
        Path target = dir.resolve(relative);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        delete(dir);
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
