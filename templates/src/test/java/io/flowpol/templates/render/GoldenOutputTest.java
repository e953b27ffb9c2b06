package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole output directory of {@link SampleModel}, byte for byte, against
 * {@code src/test/resources/golden/}. Run with {@code -Dgolden.update=true} to rewrite the
 * golden files after an intended change; the run then fails if that changed any of them (an
 * update run never passes silently, issue 17): review their diff and run again without it.
 */
class GoldenOutputTest {
    private static final Path GOLDEN = Path.of(System.getProperty("flowpol.repo.dir", "..") , "templates",
            "src", "test", "resources", "golden");

    @TempDir
    Path tmp;

    private static List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            // the manifest holds the checksums of the files compared here; OutputTargetTest covers it
            return walk.filter(Files::isRegularFile).map(dir::relativize)
                    .filter(p -> !p.toString().equals(OutputManifest.FILE)).sorted().toList();
        }
    }

    @Test
    void sampleModelRendersTheGoldenFiles() throws IOException {
        Path out = tmp.resolve("out");
        new OutputRenderer(null).render(out, SampleModel.model());

        if (Boolean.getBoolean("golden.update") && !sameTrees(GOLDEN, out)) {
            DirectorySwap.deleteTree(GOLDEN);
            for (Path file : tree(out)) {
                Files.createDirectories(GOLDEN.resolve(file).getParent());
                Files.copy(out.resolve(file), GOLDEN.resolve(file));
            }
            fail("rewrote " + GOLDEN + ": review its git diff, then run again without -Dgolden.update");
        }
        assertEquals(tree(GOLDEN), tree(out), "files written");
        for (Path file : tree(out)) {
            assertEquals(Files.readString(GOLDEN.resolve(file), StandardCharsets.UTF_8),
                    Files.readString(out.resolve(file), StandardCharsets.UTF_8), file.toString());
        }
    }

    private static boolean sameTrees(Path golden, Path out) throws IOException {
        if (!Files.isDirectory(golden) || !tree(golden).equals(tree(out))) {
            return false;
        }
        for (Path file : tree(out)) {
            if (Files.mismatch(golden.resolve(file), out.resolve(file)) != -1) {
                return false;
            }
        }
        return true;
    }
}
