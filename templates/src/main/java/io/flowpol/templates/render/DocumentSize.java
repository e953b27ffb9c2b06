package io.flowpol.templates.render;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The largest policy document flowpol writes (issue 19 item 2). The API server refuses a
 * request over etcd's 1.5 MiB limit, and one object near it slows every watch of
 * NetworkPolicies; 256 KiB leaves room for kubectl's last-applied annotation (a second copy)
 * and is far beyond a policy anyone can review. A learned policy that large is thousands of /32
 * peers, which {@code --aggregate-external} folds into wider blocks.
 */
final class DocumentSize {
    static final long MAX_BYTES = 256 * 1024;

    private DocumentSize() {
    }

    /**
     * @param file the rendered document; {@code shown} is its path relative to the output directory
     * @throws InputException naming the policy and its size, when it is larger than {@link #MAX_BYTES}
     */
    static void check(Path file, String shown, String policy) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new InputException(InputProblem.error(shown, 0, null,
                    "a policy document of at most 256 KiB (the API server refuses large objects; "
                            + "fold external addresses with --aggregate-external, e.g. /24)",
                    policy + " of " + human(size) + "; nothing was written"));
        }
    }

    static String human(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
