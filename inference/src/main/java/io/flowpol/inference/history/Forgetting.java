package io.flowpol.inference.history;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops what was not seen for longer than {@code --forget-after} (issue 4 §2): every edge,
 * attempt and SNAT egress whose last seen is older than the newest last seen in the state
 * minus that duration. Measured from the newest observation, not the clock, so re-running an
 * old window forgets nothing new. Each forgotten edge becomes a {@code forgotten-edge}
 * finding, since the policies stop allowing it; pod shapes that ended before the cutoff and
 * workloads nothing refers to any more go with them.
 */
public final class Forgetting {
    /** What was dropped, and the findings that tell the report so. */
    public record Forgotten(LearnedState state, List<Edge> edges, List<Finding> findings) {
        public Forgotten {
            edges = List.copyOf(edges);
            findings = List.copyOf(findings);
        }
    }

    private Forgetting() {
    }

    public static Forgotten forget(LearnedState state, Duration forgetAfter) {
        if (state == null || forgetAfter == null || forgetAfter.isNegative()) {
            throw new IllegalArgumentException("state and a non-negative forgetAfter are required");
        }
        long newest = state.newestSeen();
        if (newest == Long.MIN_VALUE) {
            return new Forgotten(state, List.of(), List.of());
        }
        long cutoff = newest - forgetAfter.toMillis();
        List<Edge> edges = new ArrayList<>();
        List<Edge> dropped = new ArrayList<>();
        state.edges().forEach(e -> (e.evidence().lastSeen() < cutoff ? dropped : edges).add(e));
        List<Edge> attempts = state.attempts().stream().filter(e -> e.evidence().lastSeen() >= cutoff).toList();
        List<SnatEgress> snat = state.snatEgress().stream().filter(s -> s.evidence().lastSeen() >= cutoff).toList();
        List<PodSpan> pods = state.pods().stream().filter(p -> p.to() >= cutoff).toList();
        Set<WorkloadId> used = used(edges, attempts, snat, pods);
        List<Workload> workloads = state.workloads().stream().filter(w -> used.contains(w.id())).toList();
        Set<String> namespaces = new HashSet<>();
        used.forEach(id -> namespaces.add(id.namespace()));
        List<NamespaceInfo> keptNamespaces = state.namespaces().stream().filter(n -> namespaces.contains(n.name())).toList();
        LearnedState kept = new LearnedState(state.version(), state.windows(), edges, attempts, snat, workloads, pods,
                keptNamespaces);
        return new Forgotten(kept, dropped, findings(dropped, forgetAfter, newest,
                state.attempts().size() - attempts.size() + state.snatEgress().size() - snat.size()));
    }

    private static Set<WorkloadId> used(List<Edge> edges, List<Edge> attempts, List<SnatEgress> snat, List<PodSpan> pods) {
        Set<WorkloadId> used = new HashSet<>();
        for (List<Edge> list : List.of(edges, attempts)) {
            for (Edge e : list) {
                for (Peer end : List.of(e.client(), e.server())) {
                    if (end.workload() != null) {
                        used.add(end.workload());
                    }
                }
            }
        }
        snat.forEach(s -> used.addAll(s.candidates()));
        pods.forEach(p -> used.add(p.workload()));
        return used;
    }

    private static List<Finding> findings(List<Edge> dropped, Duration forgetAfter, long newest, int otherDropped) {
        List<Finding> findings = new ArrayList<>();
        for (Edge e : dropped) {
            findings.add(new Finding(Finding.Severity.WARNING, "forgotten-edge", "forgot " + e.client() + " -> "
                    + e.server() + " " + Protocol.name(e.protocol()) + "/" + e.port() + ": last seen "
                    + Instant.ofEpochMilli(e.evidence().lastSeen()) + ", more than " + human(forgetAfter)
                    + " before the newest observation (" + Instant.ofEpochMilli(newest)
                    + "); the policies no longer allow it (--forget-after)", e.evidence().connections()));
        }
        if (otherDropped > 0) {
            findings.add(new Finding(Finding.Severity.INFO, "forgotten-attempts", otherDropped
                    + " attempt(s) and SNAT egress destination(s) unseen for more than " + human(forgetAfter)
                    + " were dropped from the state", otherDropped));
        }
        return findings;
    }

    /** The duration as the user typed it for {@code --forget-after}: 30d, 12h, 90m, else ISO-8601. */
    public static String human(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillis() % Duration.ofDays(1).toMillis() == 0) {
            return d.toDays() + "d";
        }
        if (d.toMillis() % Duration.ofHours(1).toMillis() == 0) {
            return d.toHours() + "h";
        }
        return d.toMillis() % 60_000 == 0 ? d.toMinutes() + "m" : d.toString();
    }
}
