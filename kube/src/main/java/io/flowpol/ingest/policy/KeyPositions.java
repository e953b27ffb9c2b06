package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where the keys of one document's mappings were in its file, and the keys that were given
 * twice in one mapping (the tree keeps the last value, as Jackson and SnakeYAML do). Read with
 * the document by {@link DocumentTree}; {@link #NONE} for documents that come from elsewhere
 * (a cluster) or were built in code.
 */
public final class KeyPositions {
    /** No positions known: every line is 0 (unknown), no duplicates. */
    public static final KeyPositions NONE = new KeyPositions(new IdentityHashMap<>(), List.of());

    /** A key given again in one mapping: its field path, the line of the repeat and of the first. */
    public record DuplicateKey(String path, long line, long firstLine) {
    }

    /** Per mapping, the line of each key in the order the mapping holds them (first occurrence). */
    private final Map<JsonNode, long[]> lines;
    private final List<DuplicateKey> duplicates;

    KeyPositions(Map<JsonNode, long[]> lines, List<DuplicateKey> duplicates) {
        this.lines = lines;
        this.duplicates = List.copyOf(duplicates);
    }

    public List<DuplicateKey> duplicates() {
        return duplicates;
    }

    /** The 1-based line of {@code key} in {@code mapping}, 0 when unknown. */
    public long line(JsonNode mapping, String key) {
        long[] keyLines = lines.get(mapping);
        if (keyLines == null) {
            return 0;
        }
        int i = 0;
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext() && i < keyLines.length; i++) {
            if (names.next().equals(key)) {
                return keyLines[i];
            }
        }
        return 0;
    }
}
