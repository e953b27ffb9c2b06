package io.flowpol.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs flowpol's real {@code main} in a child JVM on the test class path with a small heap
 * (issue 12: never an OutOfMemoryError under -Xmx256m on inputs under 50 MB). In-process runs
 * share the test JVM's heap, so only a child proves the bound.
 */
final class ChildJvm {
    static final String HEAP = "-Xmx256m";
    private static final long HANG_GUARD_MINUTES = 10;

    private ChildJvm() {
    }

    static FlowpolRun run(Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                // The default when the heap runs out is a message on stderr and the thread's death;
                // exiting makes it visible as a non-zero exit and the message below.
                "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), "io.flowpol.cli.Main"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(workDir, "child", ".out");
            Path err = Files.createTempFile(workDir, "child", ".err");
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean ended = p.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            String outText = Files.readString(out, StandardCharsets.UTF_8);
            String errText = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            String both = outText + errText;
            Throwable oom = both.contains("OutOfMemoryError")
                    ? new OutOfMemoryError("child JVM " + HEAP + ": " + both.lines().filter(l -> l.contains("OutOfMemory"))
                    .findFirst().orElse("")) : null;
            return new FlowpolRun(args, ended ? p.exitValue() : -1, outText, errText, oom, !ended);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
