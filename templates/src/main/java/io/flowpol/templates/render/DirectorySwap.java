package io.flowpol.templates.render;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Fills a fresh temporary directory beside the target and moves it into place only when
 * complete: readers (kustomize, a PR) never see half an output, and a failure leaves the
 * previous output untouched and no temporary directory behind. Only an empty directory or
 * flowpol's own output is replaced ({@link OutputOwnership}).
 *
 * <p>The swap is two renames, {@code out → .out.flowpol-old} and {@code .out.flowpol-new → out},
 * under a {@link SwapLock}. The names are fixed so that a run killed anywhere in between is
 * recovered by the next one ({@link #recover}, issue 12 item 10): the output counts as replaced
 * once the second rename happened; before that the previous output is put back.
 */
final class DirectorySwap {

    @FunctionalInterface
    interface Filler {
        void fill(Path dir) throws IOException;
    }

    private DirectorySwap() {
    }

    /** {@code .<name>.flowpol-<role>} beside {@code out}: hidden, and named for the output it serves. */
    static Path sibling(Path out, String role) {
        return out.resolveSibling("." + out.getFileName() + ".flowpol-" + role);
    }

    /**
     * Replaces {@code out} (already {@link OutputTarget#resolve resolved}: absolute, no symbolic
     * link) with what {@code filler} writes, plus the {@link OutputManifest}.
     */
    static void replace(Path out, Filler filler) throws IOException {
        SwapLock lock;
        try {
            Files.createDirectories(out.getParent());
            lock = SwapLock.acquire(out);
        } catch (FileSystemException e) {
            throw OutputTarget.unwritable(out, e);
        }
        try (lock) {
            recover(out);
            OutputOwnership.check(out);
            Path fresh = sibling(out, "new");
            try {
                Files.createDirectory(fresh); // not createTempDirectory: that one is mode 0700, this follows the umask
            } catch (FileSystemException e) {
                throw OutputTarget.unwritable(out, e);
            }
            try {
                filler.fill(fresh);
                OutputManifest.write(fresh);
                swap(fresh, out);
            } catch (IOException | RuntimeException | Error e) {
                deleteTree(fresh);
                throw e;
            }
        }
    }

    private static void swap(Path fresh, Path out) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            move(fresh, out);
            return;
        }
        Path old = sibling(out, "old");
        move(out, old);
        try {
            move(fresh, out);
        } catch (IOException | RuntimeException e) {
            move(old, out);
            throw e;
        }
        deleteTree(old);
    }

    /**
     * Finishes what a run killed during a swap left (call with the lock held): with {@code out}
     * gone and {@code .out.flowpol-old} present the kill came between the two renames, and the
     * previous output is put back; leftover temporary directories are deleted.
     */
    static void recover(Path out) throws IOException {
        Path old = sibling(out, "old");
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
            move(old, out);
        }
        deleteTree(sibling(out, "new"));
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
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
