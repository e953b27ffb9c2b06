package io.flowpol.inference.diff;

/**
 * One policy document that differs between the two sides: its key
 * ({@code group/kind/namespace/name}, see {@code io.flowpol.ingest.policy.PolicyDocuments}) and
 * a unified diff of its normalised YAML ({@code /dev/null} on the missing side, as git prints
 * an added or deleted file).
 */
public record DocumentDiff(String key, String unifiedDiff) {
    public DocumentDiff {
        if (key == null || unifiedDiff == null) {
            throw new IllegalArgumentException("key and unifiedDiff are required");
        }
    }

    /** Lines of the diff body that add or remove a line (headers not counted). */
    public int changedLines() {
        int count = 0;
        for (String line : unifiedDiff.split("\n", -1)) {
            if ((line.startsWith("+") && !line.startsWith("+++ ")) || (line.startsWith("-") && !line.startsWith("--- "))) {
                count++;
            }
        }
        return count;
    }
}
