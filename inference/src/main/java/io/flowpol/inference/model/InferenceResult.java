package io.flowpol.inference.model;

import java.util.List;

/**
 * What inference learned from one window: proven edges (both directions seen), attempts
 * (no reply seen, DESIGN.md fact 11: never turned into allow rules), SNAT-hidden egress,
 * coverage and findings. Lists are sorted.
 */
public record InferenceResult(List<Edge> edges, List<Edge> attempts, List<SnatEgress> snatEgress,
                              Coverage coverage, List<Finding> findings) {
    public InferenceResult {
        edges = edges == null ? List.of() : List.copyOf(edges);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        snatEgress = snatEgress == null ? List.of() : List.copyOf(snatEgress);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
