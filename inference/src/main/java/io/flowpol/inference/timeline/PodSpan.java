package io.flowpol.inference.timeline;

import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.WorkloadId;
import java.util.List;
import java.util.Map;

/**
 * A pod over the interval {@code [from, to)} in epoch milliseconds during which it held
 * {@code ips} on {@code node}. A pod that changes IP or node yields several spans; IP reuse
 * is modelled by non-overlapping spans of different pods with the same IP (DESIGN.md fact 6).
 * {@code to} is {@link Long#MAX_VALUE} when the pod was alive at the end of the recording.
 * hostNetwork pods carry the node's addresses and must resolve to the node, not to the pod.
 */
public record PodSpan(
        String uid,
        String namespace,
        String name,
        WorkloadId workload,
        String node,
        List<IpAddress> ips,
        boolean hostNetwork,
        Map<String, String> labels,
        List<ContainerPort> ports,
        String serviceAccount,
        String os,
        long from,
        long to) {

    public PodSpan {
        if (namespace == null || name == null || workload == null) {
            throw new IllegalArgumentException("namespace, name and workload are required");
        }
        ips = ips == null ? List.of() : List.copyOf(ips);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        ports = ports == null ? List.of() : List.copyOf(ports);
        if (to < from) {
            throw new IllegalArgumentException("span ends before it starts: " + namespace + "/" + name);
        }
    }

    public boolean aliveAt(long millis) {
        return millis >= from && millis < to;
    }
}
