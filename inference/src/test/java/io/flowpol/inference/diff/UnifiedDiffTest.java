package io.flowpol.inference.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void equalInputsGiveNoDiff() {
        assertEquals("", UnifiedDiff.diff("a", List.of("x", "y"), "b", List.of("x", "y"), 3));
    }

    @Test
    void aChangedLineIsShownWithContextAndGnuHunkHeader() {
        String diff = UnifiedDiff.diff("old.yaml", List.of("a", "b", "c", "d", "e"),
                "new.yaml", List.of("a", "b", "C", "d", "e"), 1);
        assertEquals("--- old.yaml\n+++ new.yaml\n@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n", diff);
    }

    @Test
    void anAddedFileDiffsAgainstNothing() {
        assertEquals("--- /dev/null\n+++ new.yaml\n@@ -0,0 +1,2 @@\n+a\n+b\n",
                UnifiedDiff.diff("/dev/null", List.of(), "new.yaml", List.of("a", "b"), 3));
    }

    @Test
    void distantChangesMakeSeparateHunks() {
        List<String> before = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        List<String> after = List.of("one", "2", "3", "4", "5", "6", "7", "8", "9", "ten");
        String diff = UnifiedDiff.diff("a", before, "b", after, 1);
        assertEquals("--- a\n+++ b\n@@ -1,2 +1,2 @@\n-1\n+one\n 2\n@@ -9,2 +9,2 @@\n 9\n-10\n+ten\n", diff);
    }

    @Test
    void oneLineRangesAndEmptySidesAreWrittenAsGnuDiffDoes() {
        assertEquals("--- a\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n",
                UnifiedDiff.diff("a", List.of("x"), "/dev/null", List.of(), 3));
        assertEquals("--- a\n+++ b\n@@ -2,0 +3 @@\n+c\n",
                UnifiedDiff.diff("a", List.of("a", "b"), "b", List.of("a", "b", "c"), 0));
    }

    @Test
    void changesCloserThanTwiceTheContextShareOneHunk() {
        List<String> before = List.of("1", "2", "3", "4", "5", "6");
        List<String> after = List.of("one", "2", "3", "4", "5", "six");
        assertEquals("--- a\n+++ b\n@@ -1,6 +1,6 @@\n-1\n+one\n 2\n 3\n 4\n 5\n-6\n+six\n",
                UnifiedDiff.diff("a", before, "b", after, 2));
    }
}
