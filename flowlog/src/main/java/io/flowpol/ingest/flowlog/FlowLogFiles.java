package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands the flow-log paths a user names into the files to read. S3 delivery keys embed the
 * account, region, date and a timestamp ({@code AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/...}),
 * so path order is roughly time order, which keeps the downstream joins' windows small.
 */
public final class FlowLogFiles {

    private FlowLogFiles() {
    }

    /**
     * The regular files among {@code roots} and below its directories (recursively), sorted by
     * path, without duplicates; hidden files and directories (name starting with {@code .}) are
     * skipped.
     *
     * @throws InputException naming a root that does not exist or cannot be read
     */
    public static List<Path> list(List<Path> roots) {
        TreeSet<Path> files = new TreeSet<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new InputException(InputProblem.error(root.toString(), 0, null,
                        "a flow-log file or directory", "no such file or directory"));
            }
            if (!Files.isReadable(root)) {
                throw new InputException(InputProblem.error(root.toString(), 0, null,
                        "a readable flow-log file or directory", "permission denied"));
            }
            if (Files.isDirectory(root)) {
                walk(root, files);
            } else {
                files.add(root);
            }
        }
        return List.copyOf(files);
    }

    private static void walk(Path root, TreeSet<Path> files) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> !hiddenBelow(root, path) && Files.isRegularFile(path)).forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(InputProblem.error(root.toString(), 0, null,
                    "a readable flow-log directory",
                    io.flowpol.inference.model.IoReason.of(e instanceof UncheckedIOException u ? u.getCause() : e)), e);
        }
    }

    /** Whether any name between {@code root} (exclusive) and {@code path} starts with a dot. */
    private static boolean hiddenBelow(Path root, Path path) {
        for (Path name : root.relativize(path)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
