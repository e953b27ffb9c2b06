package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatAttribution;
import io.flowpol.inference.model.WorkloadId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words for SNAT-hidden egress (issue 14 items 2 to 4): a rule comment that never shows the
 * node's count as the workload's own, and the report's per-destination attribution.
 */
final class SnatText {
    /** Said wherever common-candidates is chosen or proposed (issue 14 item 3). */
    static final String COMMON_RISK = "common-candidates cuts a second sender whose pods always shared nodes with "
            + "the first, since nothing in the flow logs tells them apart";

    private SnatText() {
    }

    /**
     * {@code SNAT: sender not identified — 249 connections from node ip-10-0-1-2 to this address;
     * 2 common candidates of 5}, or {@code SNAT: certain: 12 connections had this workload as the
     * only candidate (249 from node ...)}.
     */
    static String note(SnatAttribution a, WorkloadId workload) {
        Long certain = a.certain().get(workload);
        if (certain != null) {
            return "SNAT: certain: " + count(certain) + " had this workload as the only candidate ("
                    + a.connections() + " from " + a.nodeText() + " to this address)";
        }
        return "SNAT: sender not identified — " + count(a.connections()) + " from " + a.nodeText()
                + " to this address; " + (a.fallsBack() ? (a.common().isEmpty() ? "no common candidate, "
                : "no common candidate but DaemonSets, ") + a.all().size() + " candidates"
                : a.common().size() + " common " + (a.common().size() == 1 ? "candidate" : "candidates")
                + " of " + a.all().size());
    }

    static String finding(SnatAttribution a, SnatEgressMode mode) {
        StringBuilder out = new StringBuilder("egress to ").append(a.destination()).append(' ')
                .append(Protocol.name(a.protocol())).append('/').append(a.port()).append(" from ").append(a.nodeText())
                .append(": SNAT hides the sender; certain ").append(a.certain().isEmpty() ? "none"
                        : a.certain().entrySet().stream().map(e -> e.getKey() + " (" + count(e.getValue()) + ")")
                        .collect(Collectors.joining(", ")))
                .append("; common candidates ").append(names(a.common()))
                .append("; all candidates ").append(names(a.all()));
        if (a.unattributed() > 0) {
            out.append("; ").append(count(a.unattributed())).append(" when no workload had a pod on the node");
        }
        switch (mode) {
            case ALLOW_CANDIDATES -> out.append(". Allowed for every candidate; remove the rules of those that do not "
                    + "need it, or use --snat-egress common-candidates or report-only");
            case COMMON_CANDIDATES -> out.append(a.fallsBack()
                    ? ". No workload was a candidate of every connection"
                    + (a.common().isEmpty() ? "" : " but DaemonSets (a DaemonSet is beside every sender)")
                    + ", so more than one may send here: allowed for every candidate (fallback)"
                    : ". Allowed for the certain and common candidates only; " + COMMON_RISK);
            case REPORT_ONLY -> out.append(". No rule allows it (--snat-egress report-only)");
        }
        return out.toString();
    }

    private static String names(List<WorkloadId> ids) {
        return ids.isEmpty() ? "none" : ids.stream().map(WorkloadId::toString).collect(Collectors.joining(", "));
    }

    private static String count(long n) {
        return n + (n == 1 ? " connection" : " connections");
    }
}
