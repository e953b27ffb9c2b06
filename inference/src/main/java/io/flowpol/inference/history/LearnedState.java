package io.flowpol.inference.history;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.Workload;
import java.util.List;

/**
 * Everything learned over the windows merged so far. {@code edges} and {@code attempts} are
 * unique per (client, server, protocol, port) and sorted; {@code workloads}, {@code pods} and
 * {@code namespaces} are what synthesis needs of workloads that a later recording may no
 * longer show: pods are kept as one span per distinct shape of a workload's pods (labels,
 * declared ports, service account, OS), without addresses, since they are never used to
 * resolve a flow, only to select pods and name ports.
 *
 * @param version the format version ({@link #CURRENT_VERSION}); a reader refuses a newer one
 */
public record LearnedState(int version, List<LearnedWindow> windows, List<Edge> edges, List<Edge> attempts,
                           List<SnatEgress> snatEgress, List<Workload> workloads, List<PodSpan> pods,
                           List<NamespaceInfo> namespaces) {

    /** Bumped whenever a change would make an older flowpol misread the state. */
    public static final int CURRENT_VERSION = 1;

    public LearnedState {
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        windows = windows == null ? List.of() : List.copyOf(windows);
        edges = edges == null ? List.of() : List.copyOf(edges);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        snatEgress = snatEgress == null ? List.of() : List.copyOf(snatEgress);
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
        pods = pods == null ? List.of() : List.copyOf(pods);
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    }

    /** The state before the first window. */
    public static LearnedState empty() {
        return new LearnedState(CURRENT_VERSION, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** The newest last-seen time of any edge, attempt or SNAT egress; {@code Long.MIN_VALUE} when empty. */
    public long newestSeen() {
        long newest = Long.MIN_VALUE;
        for (List<Edge> list : List.of(edges, attempts)) {
            for (Edge e : list) {
                newest = Math.max(newest, e.evidence().lastSeen());
            }
        }
        for (SnatEgress s : snatEgress) {
            newest = Math.max(newest, s.evidence().lastSeen());
        }
        return newest;
    }
}
