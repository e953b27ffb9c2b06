package io.flowpol.inference.history;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.Workload;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small hand-made windows: web calls db on 5432 ("postgres"). */
final class HistoryFixtures {
    static final long HOUR = 3_600_000L;
    static final WorkloadId WEB = new WorkloadId("shop", "Deployment", "web");
    static final WorkloadId DB = new WorkloadId("shop", "StatefulSet", "db");

    private HistoryFixtures() {
    }

    static Edge edge(WorkloadId client, WorkloadId server, int port, String portName, long connections, long first,
                     long last, DirectionProof proof) {
        return new Edge(Peer.workload(client), Peer.workload(server), Protocol.TCP, port, portName,
                new Evidence(connections, connections * 10, connections * 1000, first, last, Set.of(proof)));
    }

    static InferenceResult result(Edge... edges) {
        return new InferenceResult(List.of(edges), List.of(), List.of(), null, List.of());
    }

    static Workload workload(WorkloadId id) {
        return new Workload(id, LabelSelector.of(Map.of("app", id.name())), Map.of("app", id.name()));
    }

    static PodSpan pod(WorkloadId id, String name, String ip, String portName, int port, long from, long to) {
        return new PodSpan("uid-" + name, id.namespace(), name, id, "node-a", List.of(IpAddress.parse(ip)), false,
                Map.of("app", id.name()), List.of(new ContainerPort(portName, port, Protocol.TCP)), "default", "linux",
                from, to);
    }

    static ClusterTimeline cluster(List<Workload> workloads, List<PodSpan> pods, long start, long end) {
        return new ClusterTimeline(List.of(new NamespaceInfo("shop", Map.of("kubernetes.io/metadata.name", "shop"))),
                List.of(), pods, workloads, List.of(), List.of(), start, end);
    }

    /** Both workloads with one pod each, alive over the whole recording. */
    static ClusterTimeline shop(long start, long end) {
        return cluster(List.of(workload(WEB), workload(DB)),
                List.of(pod(WEB, "web-1", "10.0.1.10", "http", 8080, start, Long.MAX_VALUE),
                        pod(DB, "db-0", "10.0.1.20", "postgres", 5432, start, Long.MAX_VALUE)), start, end);
    }
}
