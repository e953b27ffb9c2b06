package io.flowpol.inference.coverage;

import io.flowpol.inference.model.Coverage;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.model.WorkloadPair;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NodeSpan;
import io.flowpol.inference.timeline.PodSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the window could not see. Only workloads with a non-hostNetwork pod in the window are
 * considered: hostNetwork pods are seen as their node (DESIGN.md fact 10), never as a workload.
 */
public final class CoverageAnalyzer {
    private final Map<WorkloadId, List<PodSpan>> podsByWorkload = new TreeMap<>();
    private final ClusterTimeline cluster;
    private final long since;
    private final long until;

    public CoverageAnalyzer(ClusterTimeline cluster, long sinceMillis, long untilMillis) {
        this.cluster = cluster;
        this.since = sinceMillis;
        this.until = untilMillis;
        for (PodSpan pod : cluster.pods()) {
            if (!pod.hostNetwork() && pod.node() != null && pod.from() < until && since < pod.to()) {
                podsByWorkload.computeIfAbsent(pod.workload(), w -> new ArrayList<>()).add(pod);
            }
        }
    }

    public Coverage analyze(List<Edge> edges, Map<String, Long> unresolvedByReason) {
        Set<WorkloadId> talking = new HashSet<>();
        Set<WorkloadPair> connected = new HashSet<>();
        for (Edge edge : edges) {
            WorkloadId client = workloadOf(edge.client());
            WorkloadId server = workloadOf(edge.server());
            if (client != null) {
                talking.add(client);
            }
            if (server != null) {
                talking.add(server);
            }
            if (client != null && server != null && !client.equals(server)) {
                connected.add(new WorkloadPair(client, server));
            }
        }
        List<WorkloadId> silent = new ArrayList<>();
        for (WorkloadId workload : podsByWorkload.keySet()) {
            if (!talking.contains(workload)) {
                silent.add(workload);
            }
        }
        return new Coverage(silent, colocatedPairs(connected), unresolvedByReason);
    }

    private static WorkloadId workloadOf(Peer peer) {
        return peer.kind() == Peer.Kind.WORKLOAD ? peer.workload() : null;
    }

    /**
     * Pairs that coexisted but were never, at any instant, on two different nodes: their mutual
     * traffic never crossed an ENI (fact 4), so the absence of an edge proves nothing. Pairs
     * that never coexisted cannot have talked and are not listed.
     */
    List<WorkloadPair> colocatedPairs(Set<WorkloadPair> connected) {
        List<WorkloadId> ids = new ArrayList<>(podsByWorkload.keySet());
        List<WorkloadPair> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                WorkloadPair pair = new WorkloadPair(ids.get(i), ids.get(j));
                if (!connected.contains(pair) && alwaysTogether(podsByWorkload.get(ids.get(i)), podsByWorkload.get(ids.get(j)))) {
                    out.add(pair);
                }
            }
        }
        return out;
    }

    private boolean alwaysTogether(List<PodSpan> a, List<PodSpan> b) {
        boolean coexisted = false;
        for (PodSpan x : a) {
            for (PodSpan y : b) {
                long from = Math.max(Math.max(x.from(), y.from()), since);
                long to = Math.min(Math.min(x.to(), y.to()), until);
                if (from < to) {
                    coexisted = true;
                    if (!x.node().equals(y.node())) {
                        return false;
                    }
                }
            }
        }
        return coexisted;
    }

    /** Workloads with a pod on a Windows node: Calico policies do not cover them. */
    public List<WorkloadId> windowsWorkloads() {
        Set<String> windowsNodes = new HashSet<>();
        for (NodeSpan node : cluster.nodes()) {
            if ("windows".equalsIgnoreCase(node.os())) {
                windowsNodes.add(node.name());
            }
        }
        List<WorkloadId> out = new ArrayList<>();
        for (Map.Entry<WorkloadId, List<PodSpan>> e : podsByWorkload.entrySet()) {
            for (PodSpan pod : e.getValue()) {
                if ("windows".equalsIgnoreCase(pod.os()) || windowsNodes.contains(pod.node())) {
                    out.add(e.getKey());
                    break;
                }
            }
        }
        return out;
    }
}
