package io.flowpol.ingest.policy;

/**
 * A document that was read but is not a policy flowpol evaluates: where it was
 * ({@code documentIndex} 1-based within the file) and what it declared itself to be
 * ({@code apiVersion} and {@code kind} null when absent).
 */
public record IgnoredDocument(String file, int documentIndex, String apiVersion, String kind) {
}
