package io.flowpol.inference.diff;

import java.util.List;

/**
 * The connectivity half of {@code flowpol diff}: every observed edge before/after (broken ones
 * first), what the proposal allows that was never observed, and unobserved pairs whose
 * reachability changes; {@code newReachability}: what the proposal allows beyond the current
 * policies towards every kind of peer, riskiest first ({@link NewReachabilityFinder}); {@code snat}: the
 * SNAT-ed egress per destination and port, as each side decides it for its candidates (issue 14).
 */
public record ConnectivityDiff(List<EdgeChange> edges, List<ReachabilityChange> overPermission,
                               List<ReachabilityChange> unobservedChanges, List<NewReachability> newReachability,
                               List<SnatChange> snat) {
    public ConnectivityDiff(List<EdgeChange> edges, List<ReachabilityChange> overPermission,
                            List<ReachabilityChange> unobservedChanges) {
        this(edges, overPermission, unobservedChanges, List.of(), List.of());
    }

    public ConnectivityDiff(List<EdgeChange> edges, List<ReachabilityChange> overPermission,
                            List<ReachabilityChange> unobservedChanges, List<NewReachability> newReachability) {
        this(edges, overPermission, unobservedChanges, newReachability, List.of());
    }

    public ConnectivityDiff {
        snat = List.copyOf(snat);
        newReachability = List.copyOf(newReachability);
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
