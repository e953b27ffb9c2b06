package io.flowpol.inference;

import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.AddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.NodeSpan;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.ServiceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds small cluster timelines by hand for tests; times are minutes after {@link #T0}. */
public final class ClusterBuilder {
    public static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    public static final long MINUTE = 60_000L;

    private final List<NodeSpan> nodes = new ArrayList<>();
    private final List<PodSpan> pods = new ArrayList<>();
    private final List<ServiceInfo> services = new ArrayList<>();
    private final List<AddressSpan> apiServer = new ArrayList<>();

    public static long at(int minute) {
        return T0 + minute * MINUTE;
    }

    public static WorkloadId deployment(String namespace, String name) {
        return new WorkloadId(namespace, "Deployment", name);
    }

    public ClusterBuilder node(String name, String ip) {
        return node(name, ip, "linux");
    }

    public ClusterBuilder node(String name, String ip, String os) {
        nodes.add(new NodeSpan(name, List.of(IpAddress.parse(ip)), Map.of(), os, T0 - 24 * 60 * MINUTE, Long.MAX_VALUE));
        return this;
    }

    /** A pod of Deployment {@code namespace/workload} alive from minute {@code from} to {@code to} (-1: still alive). */
    public ClusterBuilder pod(String namespace, String workload, String name, String node, String ip,
                              int from, int to, ContainerPort... ports) {
        return add(namespace, workload, name, node, ip, from, to, false, ports);
    }

    public ClusterBuilder hostNetworkPod(String namespace, String workload, String name, String node, String ip,
                                         ContainerPort... ports) {
        return add(namespace, workload, name, node, ip, -60, -1, true, ports);
    }

    private ClusterBuilder add(String namespace, String workload, String name, String node, String ip,
                               int from, int to, boolean hostNetwork, ContainerPort... ports) {
        pods.add(new PodSpan("uid-" + name, namespace, name, deployment(namespace, workload), node,
                List.of(IpAddress.parse(ip)), hostNetwork, Map.of("app", workload), List.of(ports),
                "default", "linux", at(from), to < 0 ? Long.MAX_VALUE : at(to)));
        return this;
    }

    public ClusterBuilder service(ServiceInfo service) {
        services.add(service);
        return this;
    }

    public ClusterBuilder apiServer(String ip, int port) {
        apiServer.add(new AddressSpan(IpAddress.parse(ip), port, T0 - 24 * 60 * MINUTE, Long.MAX_VALUE));
        return this;
    }

    public ClusterTimeline build() {
        return new ClusterTimeline(List.of(), nodes, pods, List.of(), services, apiServer, T0, T0 + 24 * 60 * MINUTE);
    }
}
