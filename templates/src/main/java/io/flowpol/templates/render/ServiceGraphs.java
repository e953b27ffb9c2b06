package io.flowpol.templates.render;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report's Mermaid service graph: workloads grouped by namespace, every other peer
 * (node, API server, load balancer, external) outside, one link per client, server and port.
 * Ids are generated ({@code n0}, {@code n1}, ... in peer order) so no name can break the syntax.
 */
final class ServiceGraphs {
    private ServiceGraphs() {
    }

    /** In-VPC peers the AWS network inventory knows are labelled with its name (issue 11 item 3). */
    static ReportView.Graph of(List<Edge> edges, NetworkInventory names) {
        TreeSet<Peer> peers = new TreeSet<>();
        edges.forEach(e -> {
            peers.add(e.client());
            peers.add(e.server());
        });
        Map<Peer, String> ids = new TreeMap<>();
        for (Peer peer : peers) {
            ids.put(peer, "n" + ids.size());
        }
        Map<String, List<ReportView.Node>> byNamespace = new TreeMap<>();
        List<ReportView.Node> others = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer.kind() == Peer.Kind.WORKLOAD) {
                String label = MarkdownText.mermaidLabel(peer.workload().name() + " (" + peer.workload().kind() + ")");
                byNamespace.computeIfAbsent(peer.workload().namespace(), k -> new ArrayList<>())
                        .add(new ReportView.Node(ids.get(peer), label));
            } else {
                others.add(new ReportView.Node(ids.get(peer), MarkdownText.mermaidLabel(names.displayName(peer))));
            }
        }
        List<ReportView.Subgraph> subgraphs = new ArrayList<>();
        byNamespace.forEach((ns, nodes) -> subgraphs.add(
                new ReportView.Subgraph("ns" + subgraphs.size(), MarkdownText.mermaidLabel(ns), nodes)));
        TreeSet<String> seen = new TreeSet<>();
        List<ReportView.Link> links = new ArrayList<>();
        for (Edge e : edges.stream().sorted().toList()) {
            ReportView.Link link = new ReportView.Link(ids.get(e.client()), ids.get(e.server()),
                    EvidenceText.port(e.protocol(), e.port(), null));
            if (seen.add(link.from() + " " + link.to() + " " + link.label())) {
                links.add(link);
            }
        }
        return new ReportView.Graph(subgraphs, others, links);
    }
}
