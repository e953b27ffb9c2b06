package io.flowpol.templates.diff;

import io.flowpol.inference.model.Coverage;
import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.model.WorkloadPair;
import io.flowpol.templates.render.EvidenceText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Builds the {@link PullRequestBodyView}: counts, coverage warnings and evidence rows, escaped. */
final class PullRequestBodies {
    /** Workloads named one by one in a warning; the rest are counted. */
    static final int NAMED = 10;

    private final DiffViews cells = DiffViews.markdownCells();

    PullRequestBodyView view(InferenceResult learned, DiffReport diff, String diffMarkdown, int evidenceLimit) {
        List<Edge> edges = learned.edges().stream().sorted().toList();
        Set<WorkloadId> workloads = new TreeSet<>();
        for (Edge edge : edges) {
            workload(edge.client(), workloads);
            workload(edge.server(), workloads);
        }
        Coverage coverage = learned.coverage() == null ? new Coverage(null, null, null) : learned.coverage();
        workloads.addAll(coverage.silentWorkloads());
        PullRequestBodyView.Summary summary = new PullRequestBodyView.Summary(workloads.size(),
                coverage.silentWorkloads().size(), edges.size(), learned.attempts().size(), learned.snatEgress().size(),
                diff.structure().added().size(), diff.structure().changed().size(), diff.structure().removed().size(),
                diff.connectivity().broken());
        List<PullRequestBodyView.EvidenceRow> evidence = edges.stream().limit(evidenceLimit).map(this::evidence).toList();
        return new PullRequestBodyView(summary, diffMarkdown, warnings(learned, diff, coverage), evidence,
                edges.size() - evidence.size());
    }

    private static void workload(Peer peer, Set<WorkloadId> workloads) {
        if (peer.kind() == Peer.Kind.WORKLOAD) {
            workloads.add(peer.workload());
        }
    }

    private PullRequestBodyView.EvidenceRow evidence(Edge edge) {
        boolean known = edge.evidence() != null;
        return new PullRequestBodyView.EvidenceRow(cells.cell(edge.client().toString()), cells.cell(edge.server().toString()),
                cells.cell(EvidenceText.port(edge.protocol(), edge.port(), edge.portName())),
                known ? edge.evidence().connections() : 0,
                EvidenceText.time(known ? edge.evidence().firstSeen() : -1),
                EvidenceText.time(known ? edge.evidence().lastSeen() : -1),
                known ? strongest(edge.evidence().proofs()) : "-");
    }

    /** The strongest proof of direction: DirectionProof is declared strongest first. */
    private static String strongest(Set<DirectionProof> proofs) {
        return proofs.stream().min(Enum::compareTo).map(p -> p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .orElse("-");
    }

    /**
     * Findings of the learning run and of the diff (each once, most severe first), then what
     * the window could not see (DESIGN.md fact 4: co-located pairs) and what did not resolve.
     */
    private List<String> warnings(InferenceResult learned, DiffReport diff, Coverage coverage) {
        Set<Finding> findings = new LinkedHashSet<>(learned.findings());
        findings.addAll(diff.findings());
        List<String> out = new ArrayList<>();
        for (DiffView.FindingRow row : cells.findings(List.copyOf(findings))) {
            out.add("**" + row.severity() + "** " + row.code() + ": " + row.message() + " (" + row.count() + ")");
        }
        if (!coverage.silentWorkloads().isEmpty()) {
            out.add(coverage.silentWorkloads().size() + " workloads had no observed traffic: the proposal gives them no allow rule, so whatever they do after"
                    + " the window (a nightly job, a failover) will be denied: " + named(coverage.silentWorkloads().stream()
                    .sorted().map(WorkloadId::toString).toList()));
        }
        if (!coverage.colocatedPairs().isEmpty()) {
            out.add(coverage.colocatedPairs().size() + " workload pairs always ran on the same node, where their traffic"
                    + " never reaches a flow log: " + named(coverage.colocatedPairs().stream()
                    .map(PullRequestBodies::pair).sorted().toList()));
        }
        for (Map.Entry<String, Long> unresolved : coverage.unresolvedByReason().entrySet()) {
            out.add(unresolved.getValue() + " flow-log records did not resolve: " + cells.cell(unresolved.getKey()));
        }
        return out;
    }

    private static String pair(WorkloadPair pair) {
        return pair.a() + " and " + pair.b();
    }

    private String named(List<String> names) {
        String shown = names.stream().limit(NAMED).map(cells::cell).collect(Collectors.joining(", "));
        return names.size() > NAMED ? shown + " and " + (names.size() - NAMED) + " more" : shown;
    }
}
