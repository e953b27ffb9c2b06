package io.flowpol.inference.timeline;

import java.util.List;

/**
 * Everything the recording says about the cluster over the learning window, as plain
 * values: built by ingest from watch events or snapshots, read by resolution, synthesis
 * and evaluation. {@code apiServer} lists the addresses of {@code default/kubernetes}
 * endpoints (DESIGN.md fact 10). {@code start}/{@code end} bound the recording (epoch ms).
 */
public record ClusterTimeline(
        List<NamespaceInfo> namespaces,
        List<NodeSpan> nodes,
        List<PodSpan> pods,
        List<Workload> workloads,
        List<ServiceInfo> services,
        List<AddressSpan> apiServer,
        long start,
        long end) {

    public ClusterTimeline {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        pods = pods == null ? List.of() : List.copyOf(pods);
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
        services = services == null ? List.of() : List.copyOf(services);
        apiServer = apiServer == null ? List.of() : List.copyOf(apiServer);
    }
}
