package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object as read from a file: the file, the 1-based document index within it,
 * the path prefix of the object inside the document ({@code ""}, or {@code items[3].} for an
 * item of a {@code List}), the object itself and where its keys were ({@link KeyPositions#NONE}
 * when not read from a file).
 */
public record SourceDocument(String file, int documentIndex, String pathPrefix, JsonNode node, KeyPositions keys) {

    public SourceDocument {
        keys = keys == null ? KeyPositions.NONE : keys;
    }

    public SourceDocument(String file, int documentIndex, String pathPrefix, JsonNode node) {
        this(file, documentIndex, pathPrefix, node, KeyPositions.NONE);
    }

    /** A field location for error messages: {@code document 3: items[0].spec.ingress}. */
    public String field(String path) {
        return "document " + documentIndex + ": " + pathPrefix + path;
    }

    public String apiVersion() {
        JsonNode value = node.get("apiVersion");
        return value != null && value.isTextual() ? value.asText() : null;
    }

    public String kind() {
        JsonNode value = node.get("kind");
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
