package io.flowpol.templates.render;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Fills a fresh temporary directory beside the target and moves it into place only when
 * complete: readers (kustomize, a PR) never see half an output, and a failure leaves the
 * previous output untouched and no temporary directory behind. Only an empty directory or
 * a previous flowpol output is replaced, never a directory holding anything else.
 */
final class DirectorySwap {

    @FunctionalInterface
    interface Filler {
        void fill(Path dir) throws IOException;
    }

    private DirectorySwap() {
    }

    static void replace(Path target, Filler filler) throws IOException {
        Path out = target.toAbsolutePath().normalize();
        Path parent = out.getParent();
        Files.createDirectories(parent);
        checkReplaceable(out);
        Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".flowpol-new-");
        try {
            filler.fill(tmp);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
        if (!Files.exists(out)) {
            move(tmp, out);
            return;
        }
        Path old = Files.createTempDirectory(parent, "." + out.getFileName() + ".flowpol-old-");
        Files.delete(old);
        move(out, old);
        try {
            move(tmp, out);
        } catch (IOException | RuntimeException e) {
            move(old, out);
            deleteTree(tmp);
            throw e;
        }
        deleteTree(old);
    }

    private static void checkReplaceable(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new InputException(InputProblem.error(out.toString(), 0, "--output", "a directory", "a file"));
        }
        try (Stream<Path> entries = Files.list(out)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!OutputFiles.ENTRIES.contains(entry.getFileName().toString())) {
                    throw new InputException(InputProblem.error(out.toString(), 0, "--output",
                            "an empty directory or a previous flowpol output", "other files, e.g. " + entry.getFileName()));
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
