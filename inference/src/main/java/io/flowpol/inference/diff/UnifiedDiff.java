package io.flowpol.inference.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} format) of two line lists, from a longest-common-subsequence
 * table. Policy documents are small (hundreds of lines), so the quadratic table is cheap and
 * keeps the code obvious.
 */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    /** Empty string when the lists are equal. */
    public static String diff(String oldName, List<String> oldLines, String newName, List<String> newLines, int context) {
        List<Op> ops = ops(oldLines, newLines);
        if (ops.stream().allMatch(op -> op.kind == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // extend the hunk while changes are within 2*context lines of each other
            int j = i;
            while (j < ops.size()) {
                if (ops.get(j).kind != ' ') {
                    end = j;
                    j++;
                } else if (j - end <= 2 * context) {
                    j++;
                } else {
                    break;
                }
            }
            int stop = Math.min(ops.size(), end + context + 1);
            hunk(out, ops, start, stop);
            i = stop;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Op> ops, int start, int stop) {
        int oldStart = ops.get(start).oldLine;
        int newStart = ops.get(start).newLine;
        int oldCount = 0;
        int newCount = 0;
        for (int k = start; k < stop; k++) {
            char kind = ops.get(k).kind;
            if (kind != '+') {
                oldCount++;
            }
            if (kind != '-') {
                newCount++;
            }
        }
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount)).append(" @@\n");
        for (int k = start; k < stop; k++) {
            out.append(ops.get(k).kind).append(ops.get(k).text).append('\n');
        }
    }

    private static String range(int start, int count) {
        return (count == 0 ? start - 1 : start) + (count == 1 ? "" : "," + count);
    }

    private record Op(char kind, String text, int oldLine, int newLine) {
    }

    private static List<Op> ops(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>(n + m);
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // deletions before insertions, as diff -u prints them
                ops.add(new Op('-', a.get(i), i + 1, j + 1));
                i++;
            } else {
                ops.add(new Op('+', b.get(j), i + 1, j + 1));
                j++;
            }
        }
        return ops;
    }
}
