package io.flowpol.templates.render;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
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
        Path tmp;
        try {
            Files.createDirectories(parent);
            checkReplaceable(out);
            tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".flowpol-new-");
        } catch (FileSystemException e) {
            // Name the user's --out, not the temporary directory beside it that failed first.
            throw new InputException(InputProblem.error(out.toString(), 0, "--out",
                    "a directory that can be created and written", unwritable(e, parent)), e);
        }
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

    private static String unwritable(FileSystemException e, Path parent) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file in the way at " + e.getFile();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied in " + parent;
        }
        if (e instanceof NoSuchFileException) {
            return "no way to create files in " + parent + " (missing or read-only)";
        }
        return (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + " in " + parent;
    }

    private static void checkReplaceable(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new InputException(InputProblem.error(out.toString(), 0, "--out", "a directory", "a file"));
        }
        try (Stream<Path> entries = Files.list(out)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!OutputFiles.ENTRIES.contains(entry.getFileName().toString())) {
                    throw new InputException(InputProblem.error(out.toString(), 0, "--out",
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
