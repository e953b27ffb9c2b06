package io.flowpol.templates.render;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code --out} directory as flowpol writes it. {@link #check} runs before any input is read
 * (issue 12 item 2), so that a directory flowpol may not replace costs no learning window;
 * {@link OutputRenderer#render} checks again when it swaps, as the directory may have changed since.
 *
 * <p>A symbolic link is followed to the directory it names (also when that does not exist yet),
 * and that directory is replaced: the link stays a link (issue 12 item 10).
 */
public final class OutputTarget {
    /** The file that marks a directory as flowpol's output; it belongs to that directory only. */
    public static final String MANIFEST = OutputManifest.FILE;
    /** Linux's limit on links followed in one path (MAXSYMLINKS). */
    private static final int MAX_LINKS = 40;

    private OutputTarget() {
    }

    /**
     * Checks {@code out} before a run learns anything: puts the previous output back if an earlier
     * run was killed in the middle of its swap, and refuses a file, a directory holding anything but flowpol's output, or a path
     * that cannot hold a directory.
     *
     * @throws InputException naming {@code --out}
     */
    public static void check(Path out) {
        Path dir = resolve(out);
        Path existing = dir.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new InputException(InputProblem.error(dir.toString(), 0, "--out",
                    "a directory that can be created and written", "a file in the way at " + existing));
        }
        if (!existing.equals(dir.getParent())) {
            return; // nothing there yet: nothing to recover or protect
        }
        try (SwapLock lock = SwapLock.acquire(dir)) {
            DirectorySwap.recover(dir);
            OutputOwnership.check(dir);
        } catch (FileSystemException e) {
            throw unwritable(dir, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The directory {@code out} names: absolute, normalized, symbolic links of its last part followed.
     *
     * @throws InputException for the file-system root (nothing can be beside it) or a link loop
     */
    public static Path resolve(Path out) {
        Path dir = out.toAbsolutePath().normalize();
        try {
            for (int links = 0; Files.isSymbolicLink(dir); links++) {
                if (links == MAX_LINKS) {
                    throw new InputException(InputProblem.error(out.toString(), 0, "--out", "a directory",
                            "a loop of symbolic links"));
                }
                dir = dir.resolveSibling(Files.readSymbolicLink(dir)).normalize();
            }
        } catch (IOException e) {
            throw unwritable(dir, e);
        }
        if (dir.getParent() == null || dir.getFileName() == null) {
            // the output is swapped in by renaming a directory beside it; the root has no "beside"
            throw new InputException(InputProblem.error(null, 0, "--out",
                    "a directory below the file-system root", out.toString()));
        }
        return dir;
    }

    /** Names the user's {@code --out}, not the temporary directory or lock file beside it that failed first. */
    static InputException unwritable(Path out, IOException e) {
        Path parent = out.getParent();
        String found;
        if (e instanceof FileAlreadyExistsException) {
            found = "a file in the way at " + ((FileSystemException) e).getFile();
        } else if (e instanceof AccessDeniedException denied) {
            found = "permission denied at " + (denied.getFile() != null ? denied.getFile() : parent);
        } else if (e instanceof NoSuchFileException) {
            found = "no way to create files in " + parent + " (missing or read-only)";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            found = f.getReason() + " in " + parent;
        } else {
            found = (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + " in " + parent;
        }
        return new InputException(InputProblem.error(out.toString(), 0, "--out",
                "a directory that can be created and written", found), e);
    }
}
