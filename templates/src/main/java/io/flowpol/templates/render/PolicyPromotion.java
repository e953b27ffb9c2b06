package io.flowpol.templates.render;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code flowpol promote} (issue 16 item 3): a staged output directory ({@code generate --staged})
 * rewritten with every staged policy as its enforced kind ({@link StagedKinds#promote}); every
 * other file is copied as it is, and the {@code .flowpol-manifest} is written anew. The result is
 * byte for byte what {@code generate} without {@code --staged} writes from the same window. Written
 * like {@code generate}'s output: beside the target, then moved into place, only over a directory
 * flowpol wrote (its manifest), so promoting in place replaces the staged set.
 */
public final class PolicyPromotion {
    private PolicyPromotion() {
    }

    /**
     * @return how many policy files were promoted
     * @throws InputException when {@code staged} is not a flowpol output directory holding a staged policy
     */
    public static int promote(Path staged, Path out) {
        if (!Files.isDirectory(staged) || !Files.isRegularFile(staged.resolve(OutputManifest.FILE))) {
            throw new InputException(InputProblem.error(staged.toString(), 0, "DIR",
                    "a flowpol output directory (with " + OutputManifest.FILE + ")",
                    Files.isDirectory(staged) ? "no " + OutputManifest.FILE : "no such directory"));
        }
        int[] promoted = {0};
        try {
            var files = OutputManifest.files(staged);
            for (Path file : files) {
                if (file.toString().endsWith(".yaml") && StagedKinds.hasStaged(read(file))) {
                    promoted[0]++;
                }
            }
            if (promoted[0] == 0) {
                throw new InputException(InputProblem.error(staged.toString(), 0, "DIR",
                        "a staged policy set (generate --staged)", "no staged policy"));
            }
            DirectorySwap.replace(OutputTarget.resolve(out), dir -> {
                for (Path file : files) {
                    Path target = dir.resolve(OutputManifest.relative(staged, file));
                    Files.createDirectories(target.getParent());
                    if (file.toString().endsWith(".yaml")) {
                        Files.writeString(target, StagedKinds.promote(read(file)), StandardCharsets.UTF_8);
                    } else {
                        Files.copy(file, target);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return promoted[0];
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
