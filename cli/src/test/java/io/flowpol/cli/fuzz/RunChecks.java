package io.flowpol.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The properties of issue 12 that every run must keep, whatever its input (DESIGN.md exit
 * codes, the brief's error contract): an exit code of 0, 1 or 2 (3 only where a real policy
 * set was verified), no stack trace or Java class name in what the user reads, nothing written
 * (and nothing changed) on a non-zero exit, no Error escaping the command.
 */
final class RunChecks {
    /** What a stack trace or an exception's default text leaves in a message. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\tat |Exception in thread|Caused by: |java\\.lang\\.|\\.java:\\d");
    /** A qualified Java class name (io.flowpol.x.Foo, com.fasterxml.jackson.core.Bar). */
    private static final Pattern QUALIFIED_CLASS = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|io\\.flowpol|com\\.fasterxml|picocli|freemarker|org)(?:\\.[a-z_][a-z0-9_]*)*\\.[A-Z][A-Za-z0-9_$]*");
    /** A Java member named in a message ({@code StreamReadConstraints.getMaxNestingDepth()}, {@code Feature.SOME_FLAG}). */
    private static final Pattern JAVA_MEMBER = Pattern.compile(
            "\\b[A-Z][a-z]+[A-Z][A-Za-z0-9]*\\.(?:[a-z][A-Za-z0-9]*\\(\\)|[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b)");
    /** A simple exception name, as a message-less exception's class name is printed. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");

    private RunChecks() {
    }

    /** A snapshot of a directory (relative path to content), empty when it does not exist. */
    static Map<String, byte[]> snapshot(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static Set<String> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return new java.util.TreeSet<>(list.map(p -> p.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks {@code run} of a command that writes {@code out}: {@code outBefore} is the
     * snapshot of {@code out} before the run (empty: it did not exist), {@code siblingsBefore}
     * the entries of its parent (no temporary directory may stay behind).
     */
    static void writerRun(FlowpolRun run, Path out, Map<String, byte[]> outBefore, Set<String> siblingsBefore) {
        common(run);
        assertTrue(run.exit() == 0 || run.exit() == 1 || run.exit() == 2,
                "generate exits 0, 1 or 2 (3 is its self-check finding a bug in flowpol)\n" + run);
        if (run.exit() == 0) {
            assertTrue(Files.isRegularFile(out.resolve("kustomization.yaml")), "exit 0 wrote the output\n" + run);
        } else if (outBefore.isEmpty()) {
            assertFalse(Files.exists(out), "nothing written on exit " + run.exit() + "\n" + run);
        } else {
            assertUnchanged(outBefore, snapshot(out), run);
        }
        assertEquals(siblingsBefore, withOut(entries(out.getParent()), out, siblingsBefore),
                "no temporary directory left beside --out\n" + run);
    }

    /** {@code verify}: exit 3 only with DENIED edges listed against a set that holds policies. */
    static void verifyRun(FlowpolRun run) {
        common(run);
        assertTrue(run.exit() >= 0 && run.exit() <= 3, "exit code in {0, 1, 2, 3}\n" + run);
        if (run.exit() == 3) {
            assertTrue(run.out().contains("DENIED "), "exit 3 lists the denied edges\n" + run);
            assertFalse(run.out().contains("allowed by 0 NetworkPolicies and 0 Calico policies"),
                    "exit 3 only when a real policy set was verified\n" + run);
        }
    }

    /** {@code diff}: exit 3 only when the proposed set (a real one) denies observed edges. */
    static void diffRun(FlowpolRun run) {
        common(run);
        assertTrue(run.exit() >= 0 && run.exit() <= 3, "exit code in {0, 1, 2, 3}\n" + run);
        if (run.exit() == 3) {
            assertTrue(run.err().contains("the proposed policies would deny "), "exit 3 says what the proposal denies\n" + run);
        }
    }

    private static void common(FlowpolRun run) {
        Fuzz.outcome(run.hung() ? "hung" : run.thrown() != null ? "threw" : "exit " + run.exit());
        assertFalse(run.hung(), "the run ends\n" + run);
        if (run.thrown() != null) {
            fail("no Error escapes the command: " + run.thrown() + "\n" + run, run.thrown());
        }
        for (String text : new String[] {run.err(), run.out()}) {
            assertNull(find(STACK_TRACE, text), "no stack trace\n" + run);
            assertNull(find(QUALIFIED_CLASS, text), "no Java class name\n" + run);
            assertNull(find(EXCEPTION_NAME, text), "no exception name\n" + run);
            assertNull(find(JAVA_MEMBER, text), "no Java method or constant name\n" + run);
        }
        if (run.exit() == 1) {
            long errors = run.err().lines().filter(l -> l.startsWith("flowpol: error: ")).count();
            assertEquals(1, errors, "exit 1 prints one 'flowpol: error:' line\n" + run);
        }
    }

    private static String find(Pattern pattern, String text) {
        var m = pattern.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static Set<String> withOut(Set<String> now, Path out, Set<String> before) {
        // --out itself may appear (exit 0) or stay (it existed): only other new entries count.
        String name = out.getFileName().toString();
        if (!before.contains(name)) {
            now.remove(name);
        }
        return now;
    }

    private static void assertUnchanged(Map<String, byte[]> before, Map<String, byte[]> after, FlowpolRun run) {
        assertEquals(before.keySet(), after.keySet(), "an existing --out keeps its files on exit " + run.exit() + "\n" + run);
        for (var e : before.entrySet()) {
            assertTrue(Arrays.equals(e.getValue(), after.get(e.getKey())),
                    e.getKey() + " unchanged on exit " + run.exit() + "\n" + run);
        }
    }
}
