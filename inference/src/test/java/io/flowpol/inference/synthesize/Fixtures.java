package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.AddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.NodeSpan;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-built cluster and edges for synthesis tests: a small shop with a database and CoreDNS. */
final class Fixtures {
    static final long T0 = 1_796_032_800_000L; // 2026-11-30T10:00:00Z
    static final long HOUR = 3_600_000L;

    static final WorkloadId FRONTEND = new WorkloadId("shop", "Deployment", "frontend");
    static final WorkloadId BACKEND = new WorkloadId("shop", "Deployment", "backend");
    static final WorkloadId DB = new WorkloadId("data", "StatefulSet", "db");
    static final WorkloadId COREDNS = new WorkloadId("kube-system", "Deployment", "coredns");
    static final IpAddress NODE_IP = IpAddress.parse("10.0.1.10");
    static final IpAddress API_IP = IpAddress.parse("10.0.0.50");

    private final List<PodSpan> pods = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();

    Fixtures() {
        workload(FRONTEND, "frontend");
        workload(BACKEND, "backend");
        workload(DB, "db");
        workloads.add(new Workload(COREDNS, LabelSelector.of(Map.of("k8s-app", "kube-dns")), Map.of("k8s-app", "kube-dns")));
        pod(FRONTEND, "frontend-1", "10.0.1.21", new ContainerPort("web", 8080, Protocol.TCP));
        pod(BACKEND, "backend-1", "10.0.2.31", new ContainerPort("http", 9090, Protocol.TCP));
        pod(BACKEND, "backend-2", "10.0.2.32", new ContainerPort("http", 9090, Protocol.TCP));
        pod(DB, "db-0", "10.0.2.41", new ContainerPort("pg", 5432, Protocol.TCP));
    }

    Fixtures workload(WorkloadId id, String app) {
        workloads.add(new Workload(id, LabelSelector.of(Map.of("app", app)), Map.of("app", app)));
        return this;
    }

    Fixtures pod(WorkloadId id, String name, String ip, ContainerPort... ports) {
        pods.add(new PodSpan("uid-" + name, id.namespace(), name, id, "n1", List.of(IpAddress.parse(ip)), false,
                Map.of(), List.of(ports), "default", "linux", T0 - HOUR, Long.MAX_VALUE));
        return this;
    }

    ClusterTimeline cluster() {
        List<NamespaceInfo> namespaces = List.of("shop", "data", "kube-system").stream()
                .map(n -> new NamespaceInfo(n, Map.of("kubernetes.io/metadata.name", n))).toList();
        NodeSpan node = new NodeSpan("n1", List.of(NODE_IP), Map.of(), "linux", T0 - HOUR, Long.MAX_VALUE);
        return new ClusterTimeline(namespaces, List.of(node), pods, workloads, List.of(),
                List.of(new AddressSpan(API_IP, 443, T0 - HOUR, Long.MAX_VALUE)), T0 - HOUR, T0 + 2 * HOUR);
    }

    static Edge edge(Peer client, Peer server, int port, long connections) {
        Evidence evidence = new Evidence(connections, connections * 10, connections * 1000, T0, T0 + HOUR,
                Set.of(DirectionProof.TCP_FLAGS));
        return new Edge(client, server, Protocol.TCP, port, null, evidence);
    }

    static Edge edge(WorkloadId client, WorkloadId server, int port) {
        return edge(Peer.workload(client), Peer.workload(server), port, 5);
    }
}
