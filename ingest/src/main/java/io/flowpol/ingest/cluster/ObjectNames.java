package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;

/**
 * Object and namespace names of a recording are DNS-1123 subdomains, as the API server enforces
 * (Kubernetes "Object Names and IDs"). They become policy names and output path segments, so a
 * recording that breaks the rule is refused where it is read — file, line and field — rather
 * than when the output is written, where the message could name neither (issue 12 item 11).
 */
final class ObjectNames {
    private static final int MAX_LENGTH = 253;
    private static final int MAX_SHOWN = 64;

    private ObjectNames() {
    }

    /** Checks {@code metadata.name} and {@code metadata.namespace} of {@code object} where present. */
    static void check(JsonNode object, String file, long line) {
        JsonNode metadata = object == null ? null : object.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            return;
        }
        check(metadata.get("name"), "metadata.name", file, line);
        check(metadata.get("namespace"), "metadata.namespace", file, line);
    }

    private static void check(JsonNode value, String field, String file, long line) {
        if (value == null || value.isNull()) {
            return;
        }
        String name = value.isTextual() ? value.asText() : null;
        if (name == null || !isSubdomain(name)) {
            throw new InputException(InputProblem.error(file, line, field,
                    "a Kubernetes name (DNS-1123: lower-case letters, digits, '-' and '.', at most 253)",
                    name == null ? value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) : shown(name)));
        }
    }

    /** {@code [a-z0-9]([-a-z0-9.]*[a-z0-9])?}, at most 253 characters. */
    static boolean isSubdomain(String name) {
        int n = name.length();
        if (n == 0 || n > MAX_LENGTH || !alphanumeric(name.charAt(0)) || !alphanumeric(name.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = name.charAt(i);
            if (!alphanumeric(c) && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean alphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** Quoted, control characters as '?', cut at 64 characters: the message stays one printable line. */
    private static String shown(String name) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < name.length() && i < MAX_SHOWN; i++) {
            char c = name.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return out.append(name.length() > MAX_SHOWN ? "...'" : "'").toString();
    }
}
