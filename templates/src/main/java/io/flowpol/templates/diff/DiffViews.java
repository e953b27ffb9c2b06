package io.flowpol.templates.diff;

import io.flowpol.inference.diff.ConnectivityDiff;
import io.flowpol.inference.diff.DocumentDiff;
import io.flowpol.inference.diff.EdgeChange;
import io.flowpol.inference.diff.NewReachability;
import io.flowpol.inference.diff.PeerKind;
import io.flowpol.inference.diff.ReachabilityChange;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.diff.StructuralDiff;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.templates.render.EvidenceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Builds the {@link DiffView} of a {@link DiffReport} for one format: sorted, counted, escaped. */
final class DiffViews {
    /** A document diff longer than this many lines is folded into {@code <details>} in Markdown. */
    static final int COLLAPSE_LINES = 40;
    private static final Comparator<ReachabilityChange> REACH_ORDER = Comparator
            .comparing(ReachabilityChange::server).thenComparing(ReachabilityChange::client)
            .thenComparingInt(ReachabilityChange::protocol).thenComparingInt(ReachabilityChange::port);
    private static final Comparator<Finding> FINDING_ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder()).thenComparing(Finding::code);

    private final UnaryOperator<String> cell;
    private final int collapseLines;

    private DiffViews(UnaryOperator<String> cell, int collapseLines) {
        this.cell = cell;
        this.collapseLines = collapseLines;
    }

    static DiffView markdown(DiffReport report) {
        return new DiffViews(CellText.MARKDOWN, COLLAPSE_LINES).view(report);
    }

    /** A Markdown builder, for the pull-request body's own tables. */
    static DiffViews markdownCells() {
        return new DiffViews(CellText.MARKDOWN, COLLAPSE_LINES);
    }

    String cell(String text) {
        return cell.apply(text);
    }

    static DiffView text(DiffReport report) {
        return new DiffViews(CellText.PLAIN, Integer.MAX_VALUE).view(report);
    }

    private DiffView view(DiffReport report) {
        ConnectivityDiff c = report.connectivity();
        StructuralDiff s = report.structure();
        List<DiffView.EdgeRow> broken = edges(c, EdgeChange.Status.BROKEN, change -> DecisionText.denial(change.after()));
        List<DiffView.EdgeRow> stillDenied = edges(c, EdgeChange.Status.STILL_DENIED, change -> DecisionText.denial(change.after()));
        List<DiffView.EdgeRow> fixed = edges(c, EdgeChange.Status.FIXED, change -> DecisionText.denial(change.before()));
        long unchanged = c.edges().size() - broken.size() - stillDenied.size() - fixed.size();
        DiffView.Counts counts = new DiffView.Counts(c.edges().size(), broken.size(), stillDenied.size(), fixed.size(),
                unchanged, c.overPermission().size(), c.unobservedChanges().size(), s.added().size(),
                s.removed().size(), s.changed().size(), s.unchanged(), c.newReachability().size(), c.snat().size(),
                c.snat().stream().filter(change -> change.after().mayDeny()).count());
        return new DiffView(cell.apply(report.currentName()), cell.apply(report.proposedName()), !broken.isEmpty(),
                headline(broken.size(), c.newReachability()), counts, broken, stillDenied, fixed, overPermission(c.overPermission()),
                reach(c.unobservedChanges()), files(s), false, findings(report.findings()),
                c.newReachability().stream().map(this::newRow).toList(), staged(c),
                SnatRows.of(c.snat(), cell));
    }

    /**
     * Staged → enforced (issue 16 item 3): the observed edges whose verdict on one side changes once
     * that side's staged policies (StagedNetworkPolicy, StagedGlobalNetworkPolicy,
     * StagedKubernetesNetworkPolicy) are enforced,
     * which is what {@code flowpol promote} and applying the result would do.
     */
    private List<DiffView.EdgeRow> staged(ConnectivityDiff diff) {
        List<DiffView.EdgeRow> rows = new java.util.ArrayList<>();
        for (EdgeChange change : diff.edges().stream().sorted(Comparator.comparing(EdgeChange::edge)).toList()) {
            for (int side = 0; side < 2; side++) {
                var verdict = side == 0 ? change.before() : change.after();
                if (verdict.allowed() != verdict.stagedAllowed()) {
                    rows.add(edgeRow(change.edge(), (side == 0 ? "current" : "proposed") + ": "
                            + (verdict.allowed() ? "allowed now, denied" : "denied now, allowed")
                            + " once its staged policies are enforced"));
                }
            }
        }
        return rows;
    }

    /** The verdict line of issue 3 §3: broken observed flows first and loudly. */
    static String headline(long broken) {
        return broken == 0 ? "no observed flow broken"
                : "would break " + broken + " observed flow" + (broken == 1 ? "" : "s");
    }

    /**
     * The verdict line plus what the proposal newly opens, riskiest kind first (issue 18): a
     * reviewer must not learn from page three that a workload was opened to the internet.
     */
    static String headline(long broken, List<NewReachability> opened) {
        String base = headline(broken);
        if (opened.isEmpty()) {
            return base;
        }
        Map<String, java.util.Set<String>> byOwner = new java.util.LinkedHashMap<>();
        for (NewReachability r : opened) {
            String owner = r.workload() + " " + (r.direction() == PolicyType.EGRESS ? "egress to " : "ingress from ");
            r.kinds().forEach(k -> byOwner.computeIfAbsent(owner, o -> new java.util.LinkedHashSet<>()).add(k.text()));
        }
        List<String> parts = new ArrayList<>();
        byOwner.forEach((owner, kinds) -> parts.add(owner + String.join(", ", kinds)));
        int shown = Math.min(parts.size(), 3);
        return base + "; newly allows " + opened.size() + " peer range" + (opened.size() == 1 ? "" : "s")
                + " never allowed before: " + String.join("; ", parts.subList(0, shown))
                + (parts.size() > shown ? "; and " + (parts.size() - shown) + " more" : "");
    }

    private DiffView.NewRow newRow(NewReachability r) {
        String kinds = String.join(", ", r.kinds().stream().map(PeerKind::text).toList());
        String size = r.sizeText();
        String ports = NewReachability.portsText(r.allowedAfter())
                + (r.newlyAllowed().equals(r.allowedAfter()) ? "" : " (new: " + NewReachability.portsText(r.newlyAllowed()) + ")");
        String observed = r.observedConnections() == 0 ? "never observed: 0 connections"
                : r.observedConnections() + " connections observed";
        return new DiffView.NewRow(cell.apply(r.workload().toString()),
                r.direction() == PolicyType.EGRESS ? "egress to" : "ingress from", cell.apply(r.peerText()),
                cell.apply(kinds), cell.apply(ports), cell.apply(size), cell.apply(observed), cell.apply(r.summary()));
    }

    private List<DiffView.EdgeRow> edges(ConnectivityDiff diff, EdgeChange.Status status, Function<EdgeChange, String> decision) {
        return diff.edges().stream().filter(change -> change.status() == status)
                .sorted(Comparator.comparing(EdgeChange::edge))
                .map(change -> edgeRow(change.edge(), decision.apply(change))).toList();
    }

    private DiffView.EdgeRow edgeRow(Edge edge, String decision) {
        long connections = edge.evidence() == null ? 0 : edge.evidence().connections();
        long lastSeen = edge.evidence() == null ? -1 : edge.evidence().lastSeen();
        return new DiffView.EdgeRow(cell.apply(edge.client().toString()), cell.apply(edge.server().toString()),
                cell.apply(EvidenceText.port(edge.protocol(), edge.port(), edge.portName())),
                Long.toString(connections), EvidenceText.time(lastSeen), cell.apply(decision));
    }

    private List<DiffView.ServerGroup> overPermission(List<ReachabilityChange> changes) {
        Map<WorkloadId, List<DiffView.ReachRow>> byServer = new TreeMap<>();
        changes.stream().sorted(REACH_ORDER).forEach(change ->
                byServer.computeIfAbsent(change.server(), s -> new ArrayList<>()).add(reachRow(change)));
        return byServer.entrySet().stream()
                .map(e -> new DiffView.ServerGroup(cell.apply(e.getKey().toString()), e.getValue())).toList();
    }

    private List<DiffView.ReachRow> reach(List<ReachabilityChange> changes) {
        return changes.stream().sorted(REACH_ORDER).map(this::reachRow).toList();
    }

    private DiffView.ReachRow reachRow(ReachabilityChange change) {
        return new DiffView.ReachRow(cell.apply(change.client().toString()), cell.apply(change.server().toString()),
                cell.apply(EvidenceText.port(change.protocol(), change.port(), null)),
                DecisionText.allowed(change.allowedBefore()), DecisionText.allowed(change.allowedAfter()));
    }

    private List<DiffView.FileDiff> files(StructuralDiff structure) {
        List<DiffView.FileDiff> files = new ArrayList<>();
        for (DocumentDiff doc : structure.all()) {
            String status = structure.added().contains(doc) ? "added"
                    : structure.removed().contains(doc) ? "removed" : "changed";
            String body = doc.unifiedDiff().endsWith("\n") ? doc.unifiedDiff() : doc.unifiedDiff() + "\n";
            int lines = (int) body.chars().filter(ch -> ch == '\n').count();
            // the key is shown in a code span or heading, the body inside a fence: neither is a table cell
            files.add(new DiffView.FileDiff(doc.key(), status, doc.changedLines(), body, CellText.fence(body),
                    lines > collapseLines));
        }
        return files;
    }

    List<DiffView.FindingRow> findings(List<Finding> findings) {
        return findings.stream().sorted(FINDING_ORDER)
                .map(f -> new DiffView.FindingRow(f.severity().name(), cell.apply(f.code()), cell.apply(f.message()), f.count()))
                .toList();
    }
}
