package io.flowpol.inference.diff;

import java.util.List;

/**
 * The connectivity half of {@code flowpol diff}: every observed edge before/after (broken ones
 * first), what the proposal allows that was never observed, and unobserved pairs whose
 * reachability changes.
 */
public record ConnectivityDiff(List<EdgeChange> edges, List<ReachabilityChange> overPermission,
                               List<ReachabilityChange> unobservedChanges) {
    public ConnectivityDiff {
        edges = List.copyOf(edges);
        overPermission = List.copyOf(overPermission);
        unobservedChanges = List.copyOf(unobservedChanges);
    }

    public long broken() {
        return edges.stream().filter(e -> e.status() == EdgeChange.Status.BROKEN).count();
    }

    public long deniedAfter() {
        return edges.stream().filter(EdgeChange::deniedAfter).count();
    }
}
