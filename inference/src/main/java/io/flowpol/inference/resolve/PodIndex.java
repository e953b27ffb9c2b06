package io.flowpol.inference.resolve;

import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.PodSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pod spans grouped by node and by workload, for the questions asked after resolution: which
 * pods could hide behind a node address (DESIGN.md facts 2 and 3), which pods of a workload
 * were alive while an edge was seen (named ports, fact 9).
 */
public final class PodIndex {
    private final List<PodSpan> pods;
    private final Map<String, List<PodSpan>> byNode = new HashMap<>();
    private final Map<WorkloadId, List<PodSpan>> byWorkload = new HashMap<>();

    public PodIndex(List<PodSpan> pods) {
        this.pods = List.copyOf(pods);
        for (PodSpan pod : this.pods) {
            if (pod.node() != null) {
                byNode.computeIfAbsent(pod.node(), n -> new ArrayList<>()).add(pod);
            }
            byWorkload.computeIfAbsent(pod.workload(), w -> new ArrayList<>()).add(pod);
        }
    }

    public List<PodSpan> all() {
        return pods;
    }

    public List<PodSpan> onNode(String node) {
        return byNode.getOrDefault(node, List.of());
    }

    public List<PodSpan> ofWorkload(WorkloadId workload) {
        return byWorkload.getOrDefault(workload, List.of());
    }

    /** True when the span overlaps {@code [from, to]} (both ends inclusive: flow times are instants). */
    public static boolean overlaps(PodSpan pod, long from, long to) {
        return pod.from() <= to && from < pod.to();
    }

    /**
     * Workloads with a non-hostNetwork pod on {@code node} at some time in {@code [from, to]}:
     * the candidates SNAT hides behind the node's address (fact 3), sorted.
     */
    public List<WorkloadId> workloadsOnNode(String node, long from, long to) {
        TreeSet<WorkloadId> out = new TreeSet<>();
        for (PodSpan pod : onNode(node)) {
            if (!pod.hostNetwork() && overlaps(pod, from, to)) {
                out.add(pod.workload());
            }
        }
        return List.copyOf(out);
    }
}
