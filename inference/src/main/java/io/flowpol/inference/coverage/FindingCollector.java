package io.flowpol.inference.coverage;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.Finding.Severity;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.resolve.UnresolvedReason;
import io.flowpol.inference.model.WorkloadId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns counts into findings under stable codes; each message says what the condition costs
 * and what to do about it. Sorted by severity (worst first), then code.
 */
public final class FindingCollector {
    /** Share of accepted records that are tunnel traffic above which the output is untrustworthy. */
    static final double OVERLAY_SHARE = 0.2;

    private final List<Finding> findings = new ArrayList<>();

    public void records(RecordTally t) {
        if (t.accepted > 0 && !t.sawPktAddresses) {
            add(Severity.WARNING, "missing-pkt-fields", "no record carried pkt-srcaddr/pkt-dstaddr: pod-to-pod"
                    + " flows had to be joined from the records of two ENIs (DESIGN.md fact 2) and ends seen at one"
                    + " ENI only stay unresolved; use a custom flow log format with ${pkt-srcaddr} ${pkt-dstaddr}"
                    + " (and ${tcp-flags} ${flow-direction})", t.accepted);
        }
        if (t.accepted > 0 && !t.sawTcpFlags) {
            add(Severity.INFO, "missing-tcp-flags", "no record carried tcp-flags: direction was taken from"
                    + " declared and ephemeral ports, and unanswered SYNs cannot be told from live connections;"
                    + " add ${tcp-flags} to the flow log format", t.accepted);
        }
        if (t.skipdata > 0) {
            add(Severity.WARNING, "skipdata", "data lost: " + t.skipdata + (t.skipdata == 1 ? " interval on " : " intervals on ")
                    + t.skipdataInterfaces() + (t.skipdataInterfaces() == 1 ? " interface" : " interfaces") + " between " + time(t.skipdataFrom()) + " and " + time(t.skipdataTo())
                    + " were SKIPDATA; traffic in them is unknown, not absent — extend the window or review"
                    + " the policies for flows that may be missing", t.skipdata);
        }
        if (t.rejected > 0) {
            add(Severity.INFO, "reject", t.rejected + " REJECT records (security group or network ACL) were"
                    + " counted and never turned into edges", t.rejected);
        }
        if (t.nodata > 0) {
            add(Severity.INFO, "nodata", t.nodata + " NODATA records: intervals with no traffic on an"
                    + " interface", t.nodata);
        }
        if (t.outsideWindow > 0) {
            add(Severity.INFO, "outside-window", t.outsideWindow + " records started outside the learning"
                    + " window and were skipped", t.outsideWindow);
        }
        if (t.incomplete > 0) {
            add(Severity.WARNING, "incomplete-record", t.incomplete + " records lacked a source or destination"
                    + " address and were skipped; check the flow log format", t.incomplete);
        }
        if (t.overlay > 0 && t.overlay >= OVERLAY_SHARE * (t.accepted + t.overlay)) {
            add(Severity.ERROR, "overlay-network", t.overlay + " records are node-to-node tunnel traffic"
                    + " (IP-in-IP or VXLAN, DESIGN.md fact 12): an overlay CNI hides pod addresses from flow logs,"
                    + " so pods are invisible and the learned policies are not trustworthy; use the VPC CNI or"
                    + " the overlay's own flow logs", t.overlay);
        }
    }

    public void unresolved(Map<UnresolvedReason, Long> byReason) {
        byReason.forEach((reason, count) -> add(Severity.WARNING, "unresolved", count
                + " connections have an end that is no pod or node: " + reason.text()
                + (reason == UnresolvedReason.NODE_ADDRESS_UNMATCHED || reason == UnresolvedReason.JOIN_CONFLICT
                        ? "; they were left out of the edges rather than guessed"
                        : "; they are kept as edges to a VPC address, not to a workload"), count));
    }

    public void snatEgress(long connections) {
        if (connections > 0) {
            add(Severity.WARNING, "snat-egress", connections + " connections left the VPC from a node address:"
                    + " the VPC CNI's SNAT hides which pod sent them (DESIGN.md fact 3), so they are listed with"
                    + " candidate workloads, never attributed to one of them; set AWS_VPC_K8S_CNI_EXTERNALSNAT=true"
                    + " behind a NAT gateway with pkt-srcaddr and pkt-dstaddr logged, or narrow the window to attribute"
                    + " them", connections);
        }
    }

    /**
     * External SNAT (issue 14 item 5): pods' own addresses reached external ones, so that egress
     * is attributed to its workloads exactly; NAT gateways' translated copies are not edges.
     */
    public void externalSnat(long podEgress, java.util.SortedSet<io.flowpol.inference.model.IpAddress> gateways,
                             long relayed, long joined, long unjoined) {
        if (podEgress == 0) {
            return;
        }
        StringBuilder m = new StringBuilder("External SNAT is on: ").append(podEgress)
                .append(" connections reached external addresses from pods' own addresses"
                        + " (AWS_VPC_K8S_CNI_EXTERNALSNAT=true behind a NAT gateway), so that egress is attributed"
                        + " to its workloads exactly");
        if (joined > 0) {
            m.append("; ").append(joined).append(" of them joined from the node's record (node to destination) and the"
                    + " NAT gateway's (pod to gateway), as the flow-log format has no pkt-srcaddr/pkt-dstaddr");
        }
        if (!gateways.isEmpty()) {
            m.append("; NAT gateway ").append(gateways.size() == 1 ? "address " : "addresses ");
            StringBuilder list = new StringBuilder();
            for (io.flowpol.inference.model.IpAddress ip : gateways) {
                list.append(list.length() == 0 ? "" : ", ").append(ip);
            }
            m.append(list).append(" translated them (").append(relayed)
                    .append(" connections of its own to the internet, not drawn as edges: each repeats a pod's)");
        }
        if (unjoined > 0) {
            m.append("; ").append(unjoined).append(" connections from pods to a gateway's own address had no node"
                    + " record to name their destination (SKIPDATA, or the node's ENI not logged): no rule is drawn"
                    + " for them, as one to the gateway would match none of their packets");
        }
        add(Severity.INFO, "external-snat", m.toString(), podEgress);
    }

    /**
     * Without pkt-dstaddr, VPC addresses that pods send to on ports they also use toward the
     * internet: NAT gateways behind external SNAT, most likely (issue 14 item 5).
     */
    public void likelyNatGateways(java.util.Map<io.flowpol.inference.model.IpAddress, Long> connectionsByAddress) {
        connectionsByAddress.forEach((ip, connections) -> add(Severity.WARNING, "external-snat-hidden",
                ip + " looks like a NAT gateway: pods sent it " + connections + " connections on ports it also used"
                        + " toward the internet, so external SNAT is probably on; without pkt-dstaddr these records"
                        + " show the gateway's address instead of the destination, and the rules to " + ip
                        + " match none of their packets (those are addressed to the internet destination)."
                        + " Add ${pkt-srcaddr} ${pkt-dstaddr} to the flow-log format"
                        + " to attribute egress to the internet exactly", connections));
    }

    public void attempts(long connections) {
        if (connections > 0) {
            add(Severity.INFO, "attempt", connections + " connections got no reply (blocked by a policy in"
                    + " force, a scanner or a dead peer, DESIGN.md fact 11); they are listed as attempts and"
                    + " never allowed", connections);
        }
    }

    /**
     * {@code unproven}: for conflicted joins, the candidate pair their ends were first named as,
     * when no other connection proved it: an edge that may be real and is not allowed.
     */
    public void joinConflicts(long connections, List<Edge> unproven) {
        if (connections > 0) {
            StringBuilder text = new StringBuilder().append(connections).append(" joined connections had records naming")
                    .append(" different peers for one end (two connections whose ports collided within the join horizon);")
                    .append(" no edge was made from them rather than guess which peer it was");
            if (unproven.isEmpty()) {
                text.append(" (every candidate edge was proven by other connections)");
            } else {
                text.append(" — ").append(unproven.size()).append(" candidate edge(s) no other connection proved, so not")
                        .append(" allowed: ");
                unproven.stream().limit(CONFLICT_EXAMPLES).forEach(e -> text.append(e.client()).append(" -> ")
                        .append(e.server()).append(' ').append(Protocol.name(e.protocol())).append(' ').append(e.port())
                        .append(", "));
                text.setLength(text.length() - 2);
                if (unproven.size() > CONFLICT_EXAMPLES) {
                    text.append(" and ").append(unproven.size() - CONFLICT_EXAMPLES).append(" more");
                }
                text.append(" (each or another pod of the same node); log pkt-srcaddr/pkt-dstaddr, or allow them by hand");
            }
            add(Severity.WARNING, "join-conflict", text.toString(), connections);
        }
    }

    private static final int CONFLICT_EXAMPLES = 5;

    /**
     * The one windows-node finding per workload (synthesis used to add a second, differently
     * worded one for the same workload, issue 12): inference sees every workload of the window,
     * and its findings reach both stderr and the report.
     */
    public void windowsWorkloads(List<WorkloadId> workloads) {
        for (WorkloadId workload : workloads) {
            add(Severity.WARNING, "windows-node", workload + " runs pods on a Windows node: Calico policies"
                    + " do not cover Windows nodes (DESIGN.md seed practices), so policies for it may not be"
                    + " enforced there; check how NetworkPolicy is enforced on that node", 1);
        }
    }

    private void add(Severity severity, String code, String message, long count) {
        findings.add(new Finding(severity, code, message, count));
    }

    private static String time(long millis) {
        return millis == Long.MAX_VALUE || millis == Long.MIN_VALUE ? "?" : Instant.ofEpochMilli(millis).toString();
    }

    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparing((Finding f) -> -f.severity().ordinal()).thenComparing(Finding::code)
                .thenComparing(Finding::message));
        return out;
    }
}
