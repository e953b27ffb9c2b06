package io.flowpol.inference.model;

import java.util.Comparator;
import java.util.List;

/**
 * What inference learned from one window: proven edges (both directions seen), attempts
 * (no reply seen, DESIGN.md fact 11: never turned into allow rules), SNAT-hidden egress,
 * coverage and findings. Edges and attempts are in their natural order and SNAT egress by node,
 * destination, protocol and port: sorted here, so every producer (a window, a merged state, a
 * test) gives the same order and the output stays deterministic. Findings keep the order they are
 * given in: the collector puts the most severe first, and a merge appends its own after them.
 * {@code peerSummaries} describe the edges and attempts whose VPC or external end is a summarised
 * network (issue 13 item 4).
 */
public record InferenceResult(List<Edge> edges, List<Edge> attempts, List<SnatEgress> snatEgress,
                              Coverage coverage, List<Finding> findings, List<PeerSummary> peerSummaries) {
    /** The order of {@link #snatEgress}. */
    public static final Comparator<SnatEgress> SNAT_ORDER = Comparator.comparing(SnatEgress::node)
            .thenComparing(SnatEgress::destination).thenComparingInt(SnatEgress::protocol)
            .thenComparingInt(SnatEgress::port);

    public InferenceResult(List<Edge> edges, List<Edge> attempts, List<SnatEgress> snatEgress,
                           Coverage coverage, List<Finding> findings) {
        this(edges, attempts, snatEgress, coverage, findings, List.of());
    }

    public InferenceResult {
        peerSummaries = peerSummaries == null ? List.of() : List.copyOf(peerSummaries);
        edges = edges == null ? List.of() : edges.stream().sorted().toList();
        attempts = attempts == null ? List.of() : attempts.stream().sorted().toList();
        snatEgress = snatEgress == null ? List.of() : snatEgress.stream().sorted(SNAT_ORDER).toList();
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
