package io.flowpol.inference.history;

import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cluster that synthesis and the self-check replay see after a merge: the current window's
 * recording, plus the remembered workloads, pod shapes and namespaces it does not show, so that
 * an edge learned in an earlier window to a workload absent now still gets its selector and
 * its named ports. The current recording is authoritative for every workload it has pods of:
 * the policies are applied to the cluster as it is now.
 */
public final class RememberedCluster {
    private RememberedCluster() {
    }

    public static ClusterTimeline timeline(LearnedState state, ClusterTimeline current) {
        if (state == null || current == null) {
            throw new IllegalArgumentException("state and current are required");
        }
        Set<WorkloadId> known = new HashSet<>();
        current.workloads().forEach(w -> known.add(w.id()));
        List<Workload> workloads = new ArrayList<>(current.workloads());
        state.workloads().stream().filter(w -> !known.contains(w.id())).forEach(workloads::add);

        Set<WorkloadId> withPods = new HashSet<>();
        current.pods().forEach(p -> withPods.add(p.workload()));
        List<PodSpan> pods = new ArrayList<>(current.pods());
        state.pods().stream().filter(p -> !withPods.contains(p.workload())).forEach(pods::add);

        Set<String> namespaceNames = new HashSet<>();
        current.namespaces().forEach(n -> namespaceNames.add(n.name()));
        List<NamespaceInfo> namespaces = new ArrayList<>(current.namespaces());
        state.namespaces().stream().filter(n -> !namespaceNames.contains(n.name())).forEach(namespaces::add);

        return new ClusterTimeline(namespaces, current.nodes(), pods, workloads, current.services(),
                current.apiServer(), current.start(), current.end());
    }

    /** True for a pod span that {@link StateMerger} remembered rather than one from a recording. */
    public static boolean remembered(PodSpan pod) {
        return pod.uid() == null && pod.name().endsWith(PodShapes.REMEMBERED);
    }
}
