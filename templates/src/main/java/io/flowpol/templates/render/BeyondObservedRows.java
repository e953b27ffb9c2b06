package io.flowpol.templates.render;

import io.flowpol.inference.diff.BeyondObserved;
import io.flowpol.inference.diff.NewReachability;
import io.flowpol.inference.diff.PeerKind;
import io.flowpol.inference.policy.PolicyType;
import java.util.List;

/** The report's "Allowed beyond what was observed" rows, escaped, in the finder's risk order. */
final class BeyondObservedRows {
    private BeyondObservedRows() {
    }

    /** The expected rows (configured exceptions) or the surprises. */
    static List<ReportView.BeyondRow> of(List<BeyondObserved> rows, boolean expected) {
        return rows.stream().filter(r -> r.isExpected() == expected).map(BeyondObservedRows::row).toList();
    }

    private static ReportView.BeyondRow row(BeyondObserved b) {
        NewReachability r = b.reachability();
        String kinds = String.join(", ", r.kinds().stream().map(PeerKind::text).toList());
        String ports = NewReachability.portsText(r.allowedAfter()) + (r.newlyAllowed().equals(r.allowedAfter()) ? ""
                : " (unobserved: " + NewReachability.portsText(r.newlyAllowed()) + ")");
        String observed = r.observedConnections() == 0 ? "never: 0 connections"
                : r.observedConnections() + " connections";
        return new ReportView.BeyondRow(MarkdownText.cell(r.workload().toString()),
                r.direction() == PolicyType.EGRESS ? "egress to" : "ingress from", MarkdownText.cell(r.peerText()),
                MarkdownText.cell(kinds), MarkdownText.cell(ports), MarkdownText.cell(r.sizeText()),
                MarkdownText.cell(observed), b.expected() == null ? "" : MarkdownText.cell(b.expected()));
    }
}
