package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the peers of learned edges back into endpoints a policy can be asked about. A workload
 * becomes each distinct shape of its pods (labels, service account, declared ports) seen in
 * the window, so that a policy relying on a label or a named port that only some pods carry is
 * caught; other peers become bare addresses.
 */
public final class EndpointCatalog {
    private final Map<WorkloadId, List<EvalEndpoint>> podsByWorkload = new HashMap<>();
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    public EndpointCatalog(ClusterTimeline cluster) {
        for (NamespaceInfo ns : cluster.namespaces()) {
            namespaceLabels.put(ns.name(), ns.labels());
        }
        Map<WorkloadId, Map<List<Object>, EvalEndpoint>> shapes = new HashMap<>();
        List<PodSpan> pods = new ArrayList<>(cluster.pods());
        pods.sort(Comparator.comparing(PodSpan::namespace).thenComparing(PodSpan::name).thenComparingLong(PodSpan::from));
        java.util.Set<WorkloadId> hostNetworkOnly = new java.util.HashSet<>();
        for (PodSpan pod : pods) {
            if (pod.hostNetwork()) {
                // hostNetwork pods use their node's address: policies see them as the node, not as pods.
                hostNetworkOnly.add(pod.workload());
                continue;
            }
            List<Object> shape = List.of(pod.labels(), String.valueOf(pod.serviceAccount()), pod.ports());
            shapes.computeIfAbsent(pod.workload(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(shape, k -> toEndpoint(pod));
        }
        shapes.forEach((id, byShape) -> podsByWorkload.put(id, List.copyOf(byShape.values())));
        hostNetworkOnly.removeAll(shapes.keySet());
        for (Workload w : cluster.workloads()) {
            if (hostNetworkOnly.contains(w.id())) {
                continue;
            }
            podsByWorkload.computeIfAbsent(w.id(), id -> List.of(new EvalEndpoint(true, id.namespace(), id.name(),
                    w.podLabels(), labelsOf(id.namespace()), null, null, List.of())));
        }
    }

    /**
     * The endpoints that stand for a peer: every pod shape of a workload, one address, or the
     * first and last address of a summarised network, so that a network is allowed only by a rule
     * that covers its whole block (issue 13 item 4: the self-check replays it as an aggregate).
     */
    public List<EvalEndpoint> endpoints(Peer peer) {
        if (peer.kind() == Peer.Kind.WORKLOAD) {
            return podsByWorkload.getOrDefault(peer.workload(), List.of());
        }
        if (peer.network() != null) {
            return List.of(EvalEndpoint.address(peer.ip()), EvalEndpoint.address(peer.network().last()));
        }
        return peer.ip() == null ? List.of() : List.of(EvalEndpoint.address(peer.ip()));
    }

    /** Every workload's pod shapes, for reachability listings. */
    public Map<WorkloadId, List<EvalEndpoint>> workloads() {
        return java.util.Collections.unmodifiableMap(podsByWorkload);
    }

    private EvalEndpoint toEndpoint(PodSpan pod) {
        return new EvalEndpoint(true, pod.namespace(), pod.name(), pod.labels(), labelsOf(pod.namespace()),
                pod.serviceAccount(), pod.ips().isEmpty() ? null : pod.ips().get(0), pod.ports());
    }

    private Map<String, String> labelsOf(String namespace) {
        return namespaceLabels.getOrDefault(namespace, Map.of("kubernetes.io/metadata.name", namespace));
    }
}
