package io.flowpol.inference.model;

import java.util.List;

/**
 * What inference learned from one window: proven edges (both directions seen), attempts
 * (no reply seen, DESIGN.md fact 11: never turned into allow rules), SNAT-hidden egress,
 * coverage and findings. Lists are sorted. {@code peerSummaries} describe the edges and attempts
 * whose VPC or external end is a summarised network (issue 13 item 4).
 */
public record InferenceResult(List<Edge> edges, List<Edge> attempts, List<SnatEgress> snatEgress,
                              Coverage coverage, List<Finding> findings, List<PeerSummary> peerSummaries) {
    public InferenceResult(List<Edge> edges, List<Edge> attempts, List<SnatEgress> snatEgress,
                           Coverage coverage, List<Finding> findings) {
        this(edges, attempts, snatEgress, coverage, findings, List.of());
    }

    public InferenceResult {
        peerSummaries = peerSummaries == null ? List.of() : List.copyOf(peerSummaries);
        edges = edges == null ? List.of() : List.copyOf(edges);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        snatEgress = snatEgress == null ? List.of() : List.copyOf(snatEgress);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
