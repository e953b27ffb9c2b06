package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object as read from a file: the file, the 1-based document index within it,
 * the path prefix of the object inside the document ({@code ""}, or {@code items[3].} for an
 * item of a {@code List}) and the object itself.
 */
public record SourceDocument(String file, int documentIndex, String pathPrefix, JsonNode node) {

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
