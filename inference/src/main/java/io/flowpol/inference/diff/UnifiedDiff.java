package io.flowpol.inference.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * A unified diff ({@code diff -u} format) of two line lists: java-diff-utils finds the changes
 * (Myers) and groups them into hunks; only the hunk headers are rewritten, because the library
 * writes an empty side as {@code -1,0} and one line as {@code -9,1} where GNU diff and git write
 * {@code -0,0} and {@code -9} (the golden files and reviewers' tools expect the latter).
 */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    /** Empty string when the lists are equal. */
    public static String diff(String oldName, List<String> oldLines, String newName, List<String> newLines, int context) {
        Patch<String> patch = DiffUtils.diff(oldLines, newLines);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : UnifiedDiffUtils.generateUnifiedDiff(oldName, newName, oldLines, patch, context)) {
            out.append(line.startsWith("@@ ") ? gnuHeader(line) : line).append('\n');
        }
        return out.toString();
    }

    /** {@code @@ -a,b +c,d @@} as GNU diff writes it: a count of 1 left out, an empty range at the line before. */
    private static String gnuHeader(String header) {
        String[] parts = header.split(" ");
        return "@@ -" + gnuRange(parts[1].substring(1)) + " +" + gnuRange(parts[2].substring(1)) + " @@";
    }

    private static String gnuRange(String range) {
        int comma = range.indexOf(',');
        int start = Integer.parseInt(comma < 0 ? range : range.substring(0, comma));
        int count = comma < 0 ? 1 : Integer.parseInt(range.substring(comma + 1));
        return count == 0 ? (start - 1) + ",0" : count == 1 ? Integer.toString(start) : start + "," + count;
    }
}
