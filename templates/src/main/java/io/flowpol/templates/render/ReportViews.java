package io.flowpol.templates.render;

import io.flowpol.inference.model.Coverage;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadPair;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.synthesize.InternetClients;
import io.flowpol.inference.synthesize.UnexpressibleEdge;
import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds the {@link ReportView}: tables escaped and sorted, findings of every stage merged. */
final class ReportViews {
    private ReportViews() {
    }

    static ReportView of(OutputModel model) {
        InferenceResult result = model.result();
        java.util.Set<Edge> leftOut = new java.util.HashSet<>(model.policies().leftOut());
        List<Edge> kept = result.edges().stream().filter(e -> !leftOut.contains(e)).sorted().toList();
        Coverage coverage = result.coverage() == null ? new Coverage(null, null, null) : result.coverage();
        NetworkInventory names = model.inventory();
        // The clients of an internet-facing port are one row and one graph link (issue 19 item 3).
        List<Edge> listed = model.policies().unsummarised(kept);
        SummarisedPeers summarised = new SummarisedPeers(result);
        List<ReportView.EdgeRow> rows = new ArrayList<>(rows(listed, names, summarised));
        // A summarised class is one link of the graph too: its first network stands for it.
        java.util.Set<io.flowpol.inference.model.PeerSummary> linked =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Edge> graphed = new ArrayList<>(listed.stream().sorted()
                .filter(e -> summarised.classOf(e) == null || linked.add(summarised.classOf(e))).toList());
        for (InternetClients s : model.policies().internetClients()) {
            rows.add(internetRow(s, names));
            graphed.add(new Edge(Peer.external(s.allowed().get(0).base()), Peer.workload(s.server()), s.protocol(),
                    s.port(), s.portName(), s.evidence()));
        }
        return new ReportView(summary(model, kept), policies(model), ServiceGraphs.of(graphed, names), rows,
                rows(model.policies().leftOut(), names), unexpressible(model.dialects().kubernetes()
                        ? model.policies().unexpressible() : model.dialects().calico().unexpressible(),
                        model.dialects().kubernetes(), names),
                coverage.silentWorkloads().stream().sorted().map(w -> MarkdownText.cell(w.toString())).toList(),
                coverage.colocatedPairs().stream().map(ReportViews::pair).sorted().map(MarkdownText::cell).toList(),
                coverage.unresolvedByReason().entrySet().stream()
                        .map(e -> new ReportView.Count(MarkdownText.cell(e.getKey()), e.getValue())).toList(),
                rows(result.attempts(), names, summarised), snat(result.snatEgress()), findings(model),
                BeyondObservedRows.of(model.beyondObserved(), false), BeyondObservedRows.of(model.beyondObserved(), true),
                model.dialects().equivalence().stream().map(MarkdownText::cell).toList());
    }

    private static ReportView.Summary summary(OutputModel model, List<Edge> kept) {
        OutputModel.ClusterSummary c = model.cluster();
        OutputModel.InputDescription in = model.input();
        // kept, but beyond every rule: listed under "Not expressible", not turned into a rule
        long denied = model.policies().unexpressible().stream().filter(u -> !u.allowedByCalico())
                .filter(u -> kept.contains(u.edge())).count();
        return new ReportView.Summary(EvidenceText.time(in.windowStart()), EvidenceText.time(in.windowEnd()),
                in.sources().stream().map(MarkdownText::cell).toList(), MarkdownText.cell(in.format()),
                c.namespaces(), c.nodes(), c.pods(), c.workloads(), (int) (kept.size() - denied), model.policies().leftOut().size(),
                model.result().attempts().size(), model.policies().policies().networkPolicies().size(),
                model.policies().policies().calicoPolicies().size(),
                BeyondObservedRows.of(model.beyondObserved(), false).size(),
                BeyondObservedRows.of(model.beyondObserved(), true).size());
    }

    private static List<ReportView.PolicyRow> policies(OutputModel model) {
        List<ReportView.PolicyRow> rows = new ArrayList<>();
        for (NetworkPolicy p : model.policies().policies().networkPolicies()) {
            String selects = p.podSelector().isEmpty() ? "every pod" : p.podSelector().matchLabels().toString()
                    + (p.podSelector().matchExpressions().isEmpty() ? "" : " and expressions");
            rows.add(new ReportView.PolicyRow(MarkdownText.cell(PolicyFileNames.networkPolicy(p.namespace(), p.name())), MarkdownText.cell(selects), p.ingress().size(), p.egress().size()));
        }
        for (CalicoPolicy p : model.policies().policies().calicoPolicies()) {
            rows.add(new ReportView.PolicyRow(MarkdownText.cell(PolicyFileNames.globalNetworkPolicy(p.name())),
                    MarkdownText.cell(p.selector()), p.ingress().size(), p.egress().size()));
        }
        return rows;
    }

    private static String pair(WorkloadPair pair) {
        return pair.a() + " and " + pair.b();
    }

    /** Edge rows whose in-VPC peers carry the inventory's names (issue 11 item 3). */
    static List<ReportView.EdgeRow> rows(List<Edge> edges, NetworkInventory names) {
        return edges.stream().sorted().map(e -> row(e, names)).toList();
    }

    /**
     * As {@link #rows(List, NetworkInventory)}, but the networks of one summarised class are one row
     * with the class's exact totals and its top networks (issue 13 item 4), so the report stays
     * readable however many addresses there were; edges.json lists each network.
     */
    private static List<ReportView.EdgeRow> rows(List<Edge> edges, NetworkInventory names, SummarisedPeers summarised) {
        List<ReportView.EdgeRow> out = new ArrayList<>();
        java.util.Set<io.flowpol.inference.model.PeerSummary> done =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Edge e : edges.stream().sorted().toList()) {
            io.flowpol.inference.model.PeerSummary s = summarised.classOf(e);
            if (s == null) {
                out.add(row(e, names));
            } else if (done.add(s)) {
                Peer network = e.client().network() != null ? e.client() : e.server();
                String cell = (network.kind() == Peer.Kind.VPC_ADDRESS ? "VPC addresses: " : "external addresses: ")
                        + SummarisedPeers.text(s);
                Edge whole = new Edge(e.client(), e.server(), e.protocol(), e.port(), e.portName(), s.evidence());
                ReportView.EdgeRow row = row(whole, names);
                boolean client = e.client().network() != null;
                out.add(new ReportView.EdgeRow(client ? MarkdownText.cell(cell) : row.client(),
                        client ? row.server() : MarkdownText.cell(cell), row.port(), row.connections(), row.packets(),
                        row.bytes(), row.firstSeen(), row.lastSeen(), row.proof()));
            }
        }
        return out;
    }

    private static ReportView.EdgeRow row(Edge edge, NetworkInventory names) {
        Evidence ev = edge.evidence() == null ? new Evidence(0, 0, 0, -1, -1, null) : edge.evidence();
        String proof = ev.proofs().stream().sorted().map(DirectionProof::name)
                .map(p -> p.toLowerCase(java.util.Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));
        return new ReportView.EdgeRow(MarkdownText.cell(names.displayName(edge.client())),
                MarkdownText.cell(names.displayName(edge.server())),
                MarkdownText.cell(EvidenceText.port(edge)), ev.connections(), ev.packets(), ev.bytes(),
                EvidenceText.time(ev.firstSeen()), EvidenceText.time(ev.lastSeen()), MarkdownText.cell(proof));
    }

    /** {@code internet: 46501 distinct clients; top networks: ...} as the client of one row. */
    private static ReportView.EdgeRow internetRow(InternetClients s, NetworkInventory names) {
        Edge edge = new Edge(Peer.external(s.allowed().get(0).base()), Peer.workload(s.server()), s.protocol(),
                s.port(), s.portName(), s.evidence());
        ReportView.EdgeRow row = row(edge, names);
        String allowed = s.allowed().stream().map(Object::toString).collect(Collectors.joining(", "));
        return new ReportView.EdgeRow(MarkdownText.cell("internet (" + allowed + "): " + s.text()), row.server(),
                row.port(), row.connections(), row.packets(), row.bytes(), row.firstSeen(), row.lastSeen(), row.proof());
    }

    /** @param kubernetes the Kubernetes set is written (its GlobalNetworkPolicy allows them), else the Calico one (each workload's policy) */
    private static List<ReportView.UnexpressibleRow> unexpressible(List<UnexpressibleEdge> edges, boolean kubernetes,
                                                                   NetworkInventory names) {
        return edges.stream().sorted(Comparator.comparing(UnexpressibleEdge::edge)).map(u -> {
            Edge edge = u.edge();
            Evidence ev = edge.evidence() == null ? new Evidence(0, 0, 0, -1, -1, null) : edge.evidence();
            return new ReportView.UnexpressibleRow(MarkdownText.cell(names.displayName(edge.client())),
                    MarkdownText.cell(names.displayName(edge.server())), MarkdownText.cell(EvidenceText.port(edge)),
                    ev.connections(), EvidenceText.time(ev.firstSeen()), EvidenceText.time(ev.lastSeen()),
                    u.calicoPolicy() == null ? "nothing: the generated policies deny it"
                            : kubernetes ? MarkdownText.cell(OutputFiles.GLOBAL_POLICIES + "/" + u.calicoPolicy() + ".yaml")
                            : MarkdownText.cell("Calico NetworkPolicy " + u.calicoPolicy() + " (" + OutputFiles.CALICO + "/)"));
        }).toList();
    }

    private static List<ReportView.SnatRow> snat(List<SnatEgress> egress) {
        List<ReportView.SnatRow> rows = new ArrayList<>();
        egress.stream().sorted(Comparator.comparing(SnatEgress::node).thenComparing(SnatEgress::destination)
                .thenComparingInt(SnatEgress::protocol).thenComparingInt(SnatEgress::port)).forEach(s -> {
                    Evidence ev = s.evidence() == null ? new Evidence(0, 0, 0, -1, -1, null) : s.evidence();
                    String candidates = s.candidates().stream().sorted().map(WorkloadId::toString)
                            .collect(Collectors.joining(", "));
                    rows.add(new ReportView.SnatRow(MarkdownText.cell(s.node()), MarkdownText.cell(String.valueOf(s.destination())),
                            EvidenceText.port(s.protocol(), s.port(), null), ev.connections(), EvidenceText.time(ev.firstSeen()),
                            EvidenceText.time(ev.lastSeen()), MarkdownText.cell(candidates)));
                });
        return rows;
    }

    /** Ingest, inference and synthesis findings together, most severe first, then by code. */
    private static List<ReportView.FindingRow> findings(OutputModel model) {
        return Stream.of(model.ingestFindings(), model.result().findings(), model.policies().findings())
                .flatMap(List::stream)
                .sorted(Comparator.comparing(Finding::severity, Comparator.reverseOrder())
                        .thenComparing(Finding::code).thenComparing(Finding::message))
                .map(f -> new ReportView.FindingRow(f.severity().name(), MarkdownText.cell(f.code()),
                        MarkdownText.cell(f.message()), f.count()))
                .toList();
    }
}
