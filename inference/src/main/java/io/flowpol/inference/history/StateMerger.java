package io.flowpol.inference.history;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds one learning window to a state: the union of edges keyed by (client, server, protocol,
 * port) with {@link EvidenceMerge} on collisions, the same for attempts and SNAT egress, and the
 * window's workloads, pod shapes and namespaces, the newer recording winning for a workload or
 * namespace both know. Order of the inputs does not matter for the edges: merging windows A then
 * B gives the same edges as B then A.
 */
public final class StateMerger {
    private StateMerger() {
    }

    public static LearnedState merge(LearnedState prior, InferenceResult result, ClusterTimeline timeline,
                                     LearnedWindow window) {
        if (prior == null || result == null || timeline == null || window == null) {
            throw new IllegalArgumentException("prior, result, timeline and window are required");
        }
        List<LearnedWindow> windows = new ArrayList<>(prior.windows());
        windows.add(window);
        windows.sort(Comparator.comparingLong(LearnedWindow::start).thenComparingLong(LearnedWindow::end));
        return new LearnedState(LearnedState.CURRENT_VERSION, windows,
                edges(prior.edges(), result.edges(), window.start()),
                edges(prior.attempts(), result.attempts(), window.start()),
                snat(prior.snatEgress(), result.snatEgress()),
                workloads(prior.workloads(), timeline.workloads()),
                PodShapes.merge(prior.pods(), PodShapes.of(timeline.pods(), window.end())),
                namespaces(prior.namespaces(), timeline.namespaces()));
    }

    static List<Edge> edges(List<Edge> prior, List<Edge> added, long windowStart) {
        Map<EvidenceMerge.EdgeKey, Edge> byKey = new LinkedHashMap<>();
        for (List<Edge> list : List.of(prior, added)) {
            for (Edge e : list) {
                byKey.merge(EvidenceMerge.EdgeKey.of(e), EvidenceMerge.withEvidence(e, windowStart), EvidenceMerge::merge);
            }
        }
        return byKey.values().stream().sorted().toList();
    }

    private static List<SnatEgress> snat(List<SnatEgress> prior, List<SnatEgress> added) {
        Map<EvidenceMerge.SnatKey, SnatEgress> byKey = new LinkedHashMap<>();
        for (List<SnatEgress> list : List.of(prior, added)) {
            for (SnatEgress s : list) {
                byKey.merge(EvidenceMerge.SnatKey.of(s), s, EvidenceMerge::merge);
            }
        }
        return byKey.values().stream()
                .sorted(Comparator.comparing(SnatEgress::node, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(SnatEgress::destination, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(SnatEgress::protocol).thenComparingInt(SnatEgress::port))
                .toList();
    }

    private static List<Workload> workloads(List<Workload> prior, List<Workload> current) {
        Map<WorkloadId, Workload> byId = new TreeMap<>();
        prior.forEach(w -> byId.put(w.id(), w));
        current.forEach(w -> byId.put(w.id(), w));
        return List.copyOf(byId.values());
    }

    private static List<NamespaceInfo> namespaces(List<NamespaceInfo> prior, List<NamespaceInfo> current) {
        Map<String, NamespaceInfo> byName = new TreeMap<>();
        prior.forEach(n -> byName.put(n.name(), n));
        current.forEach(n -> byName.put(n.name(), n));
        return List.copyOf(byName.values());
    }
}
