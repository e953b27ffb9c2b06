package io.flowpol.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fuzz's checks fail when they should, and its mutations and seeds do what they say. */
class RunChecksTest {
    @TempDir
    Path tmp;

    private static FlowpolRun run(int exit, String out, String err) {
        return new FlowpolRun(new String[] {"generate"}, exit, out, err, null, false);
    }

    private void writerRun(FlowpolRun run) {
        Path out = tmp.resolve("out");
        RunChecks.writerRun(run, out, Map.of(), RunChecks.entries(tmp));
    }

    @Test
    void aCleanFailureWithNothingWrittenPasses() {
        assertDoesNotThrow(() -> writerRun(run(1, "", "flowpol: error: x.log:3: srcport: expected a port, found 70000\n")));
    }

    @Test
    void whatTheContractForbidsFails() throws IOException {
        assertThrows(AssertionError.class, () -> writerRun(run(3, "", "flowpol: generated policies would deny 1 edge\n")));
        assertThrows(AssertionError.class, () -> writerRun(run(1, "", "flowpol: error: x\n\tat io.flowpol.Foo.bar(Foo.java:3)\n")));
        assertThrows(AssertionError.class, () -> writerRun(run(1, "", "flowpol: error: java.lang.NullPointerException\n")));
        assertThrows(AssertionError.class, () -> writerRun(run(1, "", "flowpol: error: NullPointerException\n")));
        assertThrows(AssertionError.class, () -> writerRun(run(1, "", "flowpol: error: com.fasterxml.jackson.core.JsonParser failed\n")));
        assertThrows(AssertionError.class, () -> writerRun(run(1, "",
                "flowpol: error: depth exceeds `StreamReadConstraints.getMaxNestingDepth()`\n")));
        assertThrows(AssertionError.class, () -> writerRun(run(1, "", "no error line\n")));
        assertThrows(AssertionError.class, () -> writerRun(new FlowpolRun(new String[0], -1, "", "", new StackOverflowError(), false)));
        assertThrows(AssertionError.class, () -> writerRun(new FlowpolRun(new String[0], -1, "", "", null, true)));
        Files.createDirectories(tmp.resolve("out"));
        assertThrows(AssertionError.class, () -> writerRun(run(1, "", "flowpol: error: x\n")), "an --out written on exit 1");
    }

    @Test
    void anExistingOutputMustStayAsItWas() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("report.md"), "before");
        var before = RunChecks.snapshot(out);
        var siblings = RunChecks.entries(tmp);
        FlowpolRun failed = run(1, "", "flowpol: error: x\n");
        assertDoesNotThrow(() -> RunChecks.writerRun(failed, out, before, siblings));
        Files.writeString(out.resolve("report.md"), "after");
        assertThrows(AssertionError.class, () -> RunChecks.writerRun(failed, out, before, siblings));
        Files.createDirectories(tmp.resolve(".out.tmp-1"));
        Files.writeString(out.resolve("report.md"), "before");
        assertThrows(AssertionError.class, () -> RunChecks.writerRun(failed, out, before, siblings), "a temp dir left beside");
    }

    @Test
    void verifyMayExit3OnlyWithDeniedEdgesOfARealSet() {
        assertDoesNotThrow(() -> RunChecks.verifyRun(run(3,
                "DENIED  a -> b TCP/80 (1 connections)\nflowpol: 0 of 1 observed edges allowed by 2 NetworkPolicies and 0 Calico policies; 1 denied\n",
                "flowpol: the policies would deny 1 observed edge(s)\n")));
        assertThrows(AssertionError.class, () -> RunChecks.verifyRun(run(3,
                "DENIED  a -> b TCP/80 (1 connections)\nflowpol: 0 of 1 observed edges allowed by 0 NetworkPolicies and 0 Calico policies; 1 denied\n",
                "")));
        assertThrows(AssertionError.class, () -> RunChecks.verifyRun(run(3, "", "")));
        assertThrows(AssertionError.class, () -> RunChecks.verifyRun(run(4, "", "")));
    }

    @Test
    void linesAndMutationsKeepWhatTheyDoNotEdit() {
        byte[] text = "h1 h2\na b c\nd e f\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(text, Lines.of(text).bytes());
        assertEquals("h1 h2\nd e f\n", ascii(new LineMutations.DeleteLine(1).apply(text)));
        assertEquals("h1 h2\na 17 c\nd 17 f\n", ascii(new LineMutations.ReplaceColumn(1, FieldValue.UDP, 1).apply(text)));
        assertEquals("h1 h2\nb a c\nd e f\n", ascii(new LineMutations.SwapFields(1, 0, 1).apply(text)));
        assertEquals("h1 h2\na b", ascii(new ByteMutations.Truncate(5000).apply(text)));
    }

    @Test
    void aCaseSeedRebuildsTheSameMutations() {
        Gen<List<Mutation>> gen = Gen.oneOf(LineMutations.flowLog(), JsonMutations.any(), GzipMutations.any("x\n")).list(1, 4);
        assertEquals(gen.next(new SplittableRandom(42)), gen.next(new SplittableRandom(42)));
    }

    @Test
    void theMutatedGzipStreamsAreWhatTheyClaim() {
        byte[] object = FuzzInputs.object("v5");
        byte[] two = new GzipMutations.AppendMember("extra line\n").apply(object);
        String text = ascii(FuzzInputs.gunzip(two));
        assertEquals(ascii(FuzzInputs.gunzip(object)) + "extra line\n", text, "a second member continues the text");
        assertThrows(java.io.UncheckedIOException.class,
                () -> FuzzInputs.gunzip(new GzipMutations.TrailerByte(0, 1).apply(object)), "a CRC error");
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
