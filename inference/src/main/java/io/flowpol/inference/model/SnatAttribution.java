package io.flowpol.inference.model;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the SNAT-ed connections to one external destination and port (DESIGN.md fact 3) say about
 * their senders, over every node and the whole window (issue 14 item 2).
 *
 * @param evidence the connections of every node together
 * @param nodes connections per node
 * @param certain workloads that were the only candidate of some connection, with how many
 * @param common workloads that were candidates of every connection with a candidate: a lone
 *     sender is among them; empty when two or more workloads sent
 * @param all every time-resolved candidate of some connection
 * @param unattributed connections when no workload had a pod on the node (the node itself sent)
 * @param everywhere the common candidates that are DaemonSets: with a pod on every node, beside every
 *     sender, they are common to any destination, so their being common is no evidence
 */
public record SnatAttribution(IpAddress destination, int protocol, int port, Evidence evidence,
                              SortedMap<String, Long> nodes, SortedMap<WorkloadId, Long> certain,
                              List<WorkloadId> common, List<WorkloadId> all, long unattributed,
                              List<WorkloadId> everywhere) {
    public SnatAttribution {
        nodes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
        certain = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(certain));
        common = List.copyOf(common);
        all = List.copyOf(all);
        everywhere = List.copyOf(everywhere);
    }

    /** Without DaemonSets set apart. */
    public SnatAttribution(IpAddress destination, int protocol, int port, Evidence evidence,
                           SortedMap<String, Long> nodes, SortedMap<WorkloadId, Long> certain,
                           List<WorkloadId> common, List<WorkloadId> all, long unattributed) {
        this(destination, protocol, port, evidence, nodes, certain, common, all, unattributed, List.of());
    }

    /**
     * More than one workload sent here, or none could be found common: only the union is safe. A
     * common set of DaemonSets only counts as none: a DaemonSet is beside every sender, so two
     * senders on different nodes leave exactly the DaemonSets in common (issue 14 acceptance).
     */
    public boolean fallsBack() {
        return everywhere.containsAll(common);
    }

    /** The workloads {@code --snat-egress common-candidates} allows: certain plus common, or all on fallback. */
    public List<WorkloadId> commonAllowed() {
        if (fallsBack()) {
            return all;
        }
        java.util.TreeSet<WorkloadId> out = new java.util.TreeSet<>(common);
        out.addAll(certain.keySet());
        return List.copyOf(out);
    }

    public long connections() {
        return evidence.connections();
    }

    /** Connections per node as {@code node ip-a} or {@code nodes ip-a (200), ip-b (49)}. */
    public String nodeText() {
        if (nodes.size() == 1) {
            return "node " + nodes.firstKey();
        }
        StringBuilder out = new StringBuilder("nodes ");
        for (Map.Entry<String, Long> e : nodes.entrySet()) {
            out.append(out.length() > 6 ? ", " : "").append(e.getKey()).append(" (").append(e.getValue()).append(')');
        }
        return out.toString();
    }
}
