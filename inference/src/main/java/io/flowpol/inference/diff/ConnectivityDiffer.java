package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates both sides on the same connections and classifies them (STYLE.md: netpol-analyzer's
 * diff). Observed edges are replayed exactly; for unobserved reachability it probes every ordered
 * workload pair on the candidate ports of the server: its declared container ports, the ports
 * observed towards it and {@code extraPorts} (ports either policy set names).
 */
public final class ConnectivityDiffer {
    private final EndpointCatalog catalog;
    private final java.util.function.Predicate<ReachabilityChange> configuredException;

    public ConnectivityDiffer(EndpointCatalog catalog) {
        this(catalog, change -> false);
    }

    /**
     * {@code configuredException} marks reachability the user configured on purpose (DNS to
     * kube-dns, allow-lists): never reported as over-permission.
     */
    public ConnectivityDiffer(EndpointCatalog catalog, java.util.function.Predicate<ReachabilityChange> configuredException) {
        this.catalog = catalog;
        this.configuredException = configuredException;
    }

    /** DNS to the cluster's resolver on port 53, which flowpol always allows (DESIGN.md safety invariant). */
    public static boolean dnsToKubeDns(ReachabilityChange change) {
        return change.port() == 53 && change.server().namespace().equals("kube-system");
    }

    public ConnectivityDiff diff(PolicyEngine before, PolicyEngine after, List<Edge> observed, Set<Long> extraPorts) {
        EdgeReplay replayBefore = new EdgeReplay(before, catalog);
        EdgeReplay replayAfter = new EdgeReplay(after, catalog);
        List<EdgeChange> edges = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (Edge edge : observed) {
            edges.add(new EdgeChange(edge, replayBefore.replay(edge).verdict(), replayAfter.replay(edge).verdict()));
            if (edge.client().kind() == Peer.Kind.WORKLOAD && edge.server().kind() == Peer.Kind.WORKLOAD) {
                seen.add(List.of(edge.client().workload(), edge.server().workload(), edge.protocol(), edge.port()));
            }
        }
        edges.sort(Comparator.comparing((EdgeChange c) -> c.status().ordinal()).thenComparing(EdgeChange::edge));
        List<ReachabilityChange> over = new ArrayList<>();
        List<ReachabilityChange> changed = new ArrayList<>();
        Map<WorkloadId, List<EvalEndpoint>> workloads = catalog.workloads();
        List<WorkloadId> ids = new ArrayList<>(new TreeSet<>(workloads.keySet()));
        for (WorkloadId server : ids) {
            Set<Long> ports = candidatePorts(server, workloads.get(server), observed, extraPorts);
            for (WorkloadId client : ids) {
                if (client.equals(server)) {
                    continue; // a workload talking to itself is mostly same-pod or same-node: not judged here
                }
                for (long packed : ports) {
                    int protocol = (int) (packed >>> 16);
                    int port = (int) (packed & 0xFFFF);
                    boolean wasObserved = seen.contains(List.of(client, server, protocol, port));
                    if (wasObserved) {
                        continue;
                    }
                    boolean a = allowed(before, workloads.get(client), workloads.get(server), protocol, port);
                    boolean b = allowed(after, workloads.get(client), workloads.get(server), protocol, port);
                    ReachabilityChange change = new ReachabilityChange(client, server, protocol, port, a, b, false);
                    if (b && configuredException.test(change)) {
                        continue;
                    }
                    if (b) {
                        over.add(change);
                    } else if (a) {
                        changed.add(new ReachabilityChange(client, server, protocol, port, true, false, false));
                    }
                }
            }
        }
        return new ConnectivityDiff(edges, over, changed);
    }

    private static Set<Long> candidatePorts(WorkloadId server, List<EvalEndpoint> pods, List<Edge> observed, Set<Long> extra) {
        Set<Long> ports = new TreeSet<>(extra);
        for (EvalEndpoint pod : pods) {
            for (ContainerPort p : pod.ports()) {
                ports.add(pack(p.protocol(), p.port()));
            }
        }
        for (Edge e : observed) {
            if (e.server().kind() == Peer.Kind.WORKLOAD && e.server().workload().equals(server)) {
                ports.add(pack(e.protocol(), e.port()));
            }
        }
        return ports;
    }

    public static long pack(int protocol, int port) {
        return ((long) protocol << 16) | port;
    }

    /** A pair is reachable when some client shape reaches some server shape. */
    private static boolean allowed(PolicyEngine engine, List<EvalEndpoint> clients, List<EvalEndpoint> servers,
                                   int protocol, int port) {
        for (EvalEndpoint c : clients) {
            for (EvalEndpoint s : servers) {
                if (engine.allows(new Connection(c, s, protocol, port)).allowed()) {
                    return true;
                }
            }
        }
        return false;
    }
}
