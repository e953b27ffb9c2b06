package io.flowpol.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowpol.cli.propose.ScratchDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./flowpol} launcher on the packaged CLI (this module is built after {@code cli}, so
 * its jar exists): the class-data archive it writes on JDK 17, the AOT cache on JDK 25 and later
 * (issue 13), and that neither ever reaches stdout, which users parse. Each test runs a copy of
 * the launcher in its own directory laid out as the repository is (the launcher, the jar, the
 * demo it trains on), so the build's own {@code cli/target} is never written.
 */
class LauncherTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** JDK 25 where this machine image installs it; the AOT test needs one. */
    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path root;
    private Path target;

    @BeforeEach
    void layOutARepository() throws IOException {
        Path jar = REPO.resolve("cli/target/flowpol-all.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged CLI is missing: " + jar);
        target = Files.createDirectories(root.resolve("cli/target"));
        Files.copy(jar, target.resolve("flowpol-all.jar"));
        Files.copy(REPO.resolve("flowpol"), root.resolve("flowpol"), StandardCopyOption.COPY_ATTRIBUTES);
        ScratchDirectories.copy(REPO.resolve("samples/demo"), root.resolve("samples/demo"));
    }

    /** The archives' links to their java: JUnit warns about links out of a temporary directory. */
    @AfterEach
    void removeTheLinksToTheJvms() throws IOException {
        Files.deleteIfExists(target.resolve("flowpol.jsa.java"));
        Files.deleteIfExists(target.resolve("flowpol.aot.java"));
    }

    @Test
    void writesAClassDataArchiveOnceAndKeepsStdoutToTheCommandsOwnOutput() throws Exception {
        Run first = flowpol(Map.of(), "--version");
        assertEquals(0, first.exit(), first.stderr());
        assertEquals("flowpol " + version() + "\n", first.stdout());
        assertTrue(first.stderr().contains("preparing a class-data archive"), first.stderr());
        Path archive = target.resolve("flowpol.jsa");
        assertTrue(Files.size(archive) > 1_000_000, "archive size " + Files.size(archive));
        assertTrue(Files.isSymbolicLink(target.resolve("flowpol.jsa.java")));
        assertTrue(Files.exists(target.resolve("flowpol.jsa.stamp")));

        Run second = flowpol(Map.of(), "--version");
        assertEquals("flowpol " + version() + "\n", second.stdout());
        assertFalse(second.stderr().contains("preparing"), "trained again: " + second.stderr());
    }

    @Test
    void aTruncatedArchiveIsNotUsedButWrittenAgain() throws Exception {
        assertEquals(0, flowpol(Map.of(), "--version").exit());
        Path archive = target.resolve("flowpol.jsa");
        byte[] head = new byte[4096];
        try (var in = Files.newInputStream(archive)) {
            assertEquals(head.length, in.readNBytes(head, 0, head.length));
        }
        archive.toFile().setWritable(true);
        Files.write(archive, head); // a cut-off write: JDK 17 would crash on it, the stamp no longer matches

        Run run = flowpol(Map.of(), "--version");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("flowpol " + version() + "\n", run.stdout());
        assertTrue(run.stderr().contains("preparing"), run.stderr());
        // Written again whole (its size varies a little from one training run to the next).
        assertTrue(Files.size(archive) > 1_000_000, "archive size " + Files.size(archive));
    }

    @Test
    void aDumpThatFailsIsNotTriedOnEveryRun() throws Exception {
        ScratchDirectories.delete(root.resolve("samples/demo")); // the training run has nothing to read

        Run first = flowpol(Map.of(), "--version");
        assertEquals(0, first.exit(), first.stderr());
        assertEquals("flowpol " + version() + "\n", first.stdout());
        assertTrue(first.stderr().contains("preparing"), first.stderr());
        assertTrue(Files.exists(target.resolve("flowpol.jsa.failed")));
        assertFalse(Files.exists(target.resolve("flowpol.jsa")));

        Run second = flowpol(Map.of(), "--version");
        assertEquals("flowpol " + version() + "\n", second.stdout());
        assertEquals("", second.stderr());
    }

    @Test
    void onJdk25ItWritesAnAotCacheBesideTheOtherJvmsArchive() throws Exception {
        assumeTrue(Files.isExecutable(JDK_25), "no JDK 25 at " + JDK_25);
        assertEquals(0, flowpol(Map.of(), "--version").exit());
        Run run = flowpol(Map.of("FLOWPOL_JAVA", JDK_25.toString()), "--version");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("flowpol " + version() + "\n", run.stdout());
        Path cache = target.resolve("flowpol.aot");
        assertTrue(Files.size(cache) > 1_000_000, "cache size " + Files.size(cache));
        assertEquals(JDK_25.toRealPath(), target.resolve("flowpol.aot.java").toRealPath());
        assertTrue(Files.exists(target.resolve("flowpol.jsa")), "JDK 17's archive is kept");

        // Each JVM keeps its own: neither run trains again.
        Run again25 = flowpol(Map.of("FLOWPOL_JAVA", JDK_25.toString()), "--version");
        Run again17 = flowpol(Map.of(), "--version");
        assertFalse(again25.stderr().contains("preparing"), again25.stderr());
        assertFalse(again17.stderr().contains("preparing"), again17.stderr());
        // Another collector than the cache was written with: the JVM goes on without it, silently.
        Run g1 = flowpol(Map.of("FLOWPOL_JAVA", JDK_25.toString(), "FLOWPOL_JAVA_OPTS", "-XX:+UseG1GC"), "--version");
        assertEquals("flowpol " + version() + "\n", g1.stdout());
        assertEquals("", g1.stderr());
    }

    @Test
    void aFlowpolJavaThatIsNoJavaIsOneLineAndExitOne() throws Exception {
        Run run = flowpol(Map.of("FLOWPOL_JAVA", "/nonexistent/bin/java"), "--version");
        assertEquals(1, run.exit());
        assertEquals("", run.stdout());
        assertEquals("flowpol: error: FLOWPOL_JAVA=/nonexistent/bin/java is not an executable java"
                + " (a path, or a name on the PATH)\n", run.stderr());
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run flowpol(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("flowpol").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("FLOWPOL_JAVA");
        builder.environment().remove("FLOWPOL_JAVA_OPTS");
        builder.environment().remove("FLOWPOL_NO_CDS");
        builder.environment().putAll(env);
        Path out = root.resolve("stdout.txt");
        Path err = root.resolve("stderr.txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String version() throws IOException {
        String pom = Files.readString(REPO.resolve("pom.xml"));
        int at = pom.indexOf("<version>") + "<version>".length();
        return pom.substring(at, pom.indexOf("</version>", at));
    }
}
