package io.flowpol.templates.render;

import java.util.List;

/**
 * What {@code report.md.ftl} prints. Every cell is already Markdown-escaped
 * ({@link MarkdownText}) and every list sorted; Mermaid ids are generated, labels quoted.
 */
public record ReportView(Summary summary, List<PolicyRow> policies, Graph graph, List<EdgeRow> edges, List<EdgeRow> leftOut,
                         List<UnexpressibleRow> notExpressible,
                         List<String> silentWorkloads, List<String> colocatedPairs, List<Count> unresolved,
                         List<EdgeRow> attempts, List<SnatRow> snatEgress, List<FindingRow> findings,
                         List<BeyondRow> unexpected, List<BeyondRow> expected, List<String> dialect) {

    public ReportView {
        policies = List.copyOf(policies);
        edges = List.copyOf(edges);
        leftOut = List.copyOf(leftOut);
        notExpressible = List.copyOf(notExpressible);
        silentWorkloads = List.copyOf(silentWorkloads);
        colocatedPairs = List.copyOf(colocatedPairs);
        unresolved = List.copyOf(unresolved);
        attempts = List.copyOf(attempts);
        snatEgress = List.copyOf(snatEgress);
        findings = List.copyOf(findings);
        unexpected = List.copyOf(unexpected);
        expected = List.copyOf(expected);
        dialect = List.copyOf(dialect);
    }

    /** Counts and the input description, all as text. */
    public record Summary(String windowStart, String windowEnd, List<String> sources, String format,
                          int namespaces, int nodes, int pods, int workloads, int edges, int leftOut,
                          int attempts, int networkPolicies, int globalNetworkPolicies, int beyondUnexpected,
                          int beyondExpected) {
        public Summary {
            sources = List.copyOf(sources);
        }
    }

    /** The service graph: one subgraph per namespace, other peers outside, one link per port. */
    public record Graph(List<Subgraph> namespaces, List<Node> others, List<Link> links) {
        public Graph {
            namespaces = List.copyOf(namespaces);
            others = List.copyOf(others);
            links = List.copyOf(links);
        }
    }

    public record Subgraph(String id, String title, List<Node> nodes) {
        public Subgraph {
            nodes = List.copyOf(nodes);
        }
    }

    public record Node(String id, String label) {
    }

    public record Link(String from, String to, String label) {
    }

    public record EdgeRow(String client, String server, String port, long connections, long packets, long bytes,
                          String firstSeen, String lastSeen, String proof) {
    }

    /** One generated policy: its file, what it selects, and how many rules it has per direction. */
    public record PolicyRow(String file, String selects, int ingressRules, int egressRules) {
    }

    public record Count(String what, long count) {
    }

    public record SnatRow(String node, String destination, String port, long connections, String firstSeen,
                          String lastSeen, String candidates) {
    }

    /**
     * An edge no NetworkPolicy rule can allow (issue 12 item 5): its protocol, and what allows it
     * instead ({@code allowedBy}: a Calico policy file, or a note that nothing does).
     */
    public record UnexpressibleRow(String client, String server, String protocol, long connections, String firstSeen,
                                   String lastSeen, String allowedBy) {
    }

    /**
     * Reachability the policies allow that no observed edge accounts for (issue 18 item 3): the
     * peer with its kinds, the ports allowed (and the unobserved part when narrower), the size of
     * the unobserved part, the observed connections inside the row, and for an expected row why.
     */
    public record BeyondRow(String workload, String direction, String peer, String kinds, String ports, String size,
                            String observed, String reason) {
    }

    public record FindingRow(String severity, String code, String message, long count) {
    }
}
