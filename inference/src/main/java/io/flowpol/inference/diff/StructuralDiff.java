package io.flowpol.inference.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The structural half of {@code flowpol diff} (issue 3 §3): which policy documents the proposal
 * adds, removes or changes, compared as normalised text so that server-side fields, key order
 * and comments never show up as changes. Each list is sorted by key.
 */
public record StructuralDiff(List<DocumentDiff> added, List<DocumentDiff> removed, List<DocumentDiff> changed,
                             int unchanged) {
    /** Lines of context around each change, as {@code diff -u} and {@code git diff} print. */
    public static final int CONTEXT = 3;
    static final String CURRENT_PREFIX = "current/";
    static final String PROPOSED_PREFIX = "proposed/";
    static final String NO_FILE = "/dev/null";

    public StructuralDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        if (unchanged < 0) {
            throw new IllegalArgumentException("unchanged < 0: " + unchanged);
        }
    }

    /**
     * @param current normalised document text by key, as the policies in force
     * @param proposed the same for the proposal
     */
    public static StructuralDiff of(Map<String, String> current, Map<String, String> proposed) {
        if (current == null || proposed == null) {
            throw new IllegalArgumentException("current and proposed are required");
        }
        List<DocumentDiff> added = new ArrayList<>();
        List<DocumentDiff> removed = new ArrayList<>();
        List<DocumentDiff> changed = new ArrayList<>();
        int unchanged = 0;
        TreeSet<String> keys = new TreeSet<>(current.keySet());
        keys.addAll(proposed.keySet());
        for (String key : keys) {
            String before = current.get(key);
            String after = proposed.get(key);
            if (before == null) {
                added.add(new DocumentDiff(key, diff(NO_FILE, "", PROPOSED_PREFIX + key, after)));
            } else if (after == null) {
                removed.add(new DocumentDiff(key, diff(CURRENT_PREFIX + key, before, NO_FILE, "")));
            } else if (before.equals(after)) {
                unchanged++;
            } else {
                String text = diff(CURRENT_PREFIX + key, before, PROPOSED_PREFIX + key, after);
                if (text.isEmpty()) {
                    // differ only in a trailing newline: nothing a reviewer could see
                    unchanged++;
                } else {
                    changed.add(new DocumentDiff(key, text));
                }
            }
        }
        return new StructuralDiff(added, removed, changed, unchanged);
    }

    /** True when no document is added, removed or changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** Every differing document, sorted by key (a reviewer reads one file list). */
    public List<DocumentDiff> all() {
        List<DocumentDiff> all = new ArrayList<>(added.size() + removed.size() + changed.size());
        all.addAll(added);
        all.addAll(removed);
        all.addAll(changed);
        all.sort(java.util.Comparator.comparing(DocumentDiff::key));
        return List.copyOf(all);
    }

    private static String diff(String oldName, String oldText, String newName, String newText) {
        return UnifiedDiff.diff(oldName, lines(oldText), newName, lines(newText), CONTEXT);
    }

    /** Lines without their terminators; a final newline does not start an empty line. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\r?\n", -1));
    }
}
