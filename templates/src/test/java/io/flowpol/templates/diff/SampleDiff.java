package io.flowpol.templates.diff;

import io.flowpol.inference.diff.ConnectivityDiff;
import io.flowpol.inference.diff.EdgeChange;
import io.flowpol.inference.diff.NewReachability;
import io.flowpol.inference.diff.PeerKind;
import io.flowpol.inference.diff.ReachabilityChange;
import io.flowpol.inference.diff.SnatChange;
import io.flowpol.inference.model.SnatAttribution;
import io.flowpol.inference.snat.SnatVerdict;
import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.PortSet;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.diff.StructuralDiff;
import io.flowpol.inference.evaluate.Verdict;
import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small hand-built diff: every section non-empty, edges given out of order. */
final class SampleDiff {
    static final WorkloadId FRONTEND = new WorkloadId("shop", "Deployment", "frontend");
    static final WorkloadId BACKEND = new WorkloadId("shop", "Deployment", "backend");
    static final WorkloadId DB = new WorkloadId("data", "StatefulSet", "db");
    static final WorkloadId WORKER = new WorkloadId("shop", "Deployment", "worker");
    static final Verdict ALLOWED = new Verdict(true, "no policy selects the pod", "no policy selects the pod", true);
    static final Verdict DENIED_INGRESS = new Verdict(false, "no policy selects the pod",
            "default deny: selected by NetworkPolicy/data/db", false);

    private SampleDiff() {
    }

    static long at(String time) {
        return Instant.parse(time).toEpochMilli();
    }

    static Edge edge(Peer client, Peer server, int port, String portName, long connections, String lastSeen) {
        long last = at(lastSeen);
        return new Edge(client, server, Protocol.TCP, port, portName,
                new Evidence(connections, connections * 10, connections * 1000, last - 3_600_000, last,
                        Set.of(DirectionProof.TCP_FLAGS)));
    }

    static ConnectivityDiff connectivity() {
        Edge frontToBack = edge(Peer.workload(FRONTEND), Peer.workload(BACKEND), 8080, "http", 120, "2026-11-30T10:02:03.456Z");
        Edge backToDb = edge(Peer.workload(BACKEND), Peer.workload(DB), 5432, null, 40, "2026-11-30T10:05:00Z");
        Edge workerToDb = edge(Peer.workload(WORKER), Peer.workload(DB), 5432, null, 3, "2026-11-30T09:00:00Z");
        Edge lbToFront = edge(Peer.vpcAddress(IpAddress.parse("10.0.3.7")), Peer.workload(FRONTEND), 80, null, 900,
                "2026-11-30T10:09:59Z");
        Edge external = edge(Peer.workload(BACKEND), Peer.external(IpAddress.parse("52.94.1.1")), 443, null, 7,
                "2026-11-30T10:01:00Z");
        return new ConnectivityDiff(List.of(
                new EdgeChange(lbToFront, ALLOWED, ALLOWED),
                new EdgeChange(workerToDb, DENIED_INGRESS, DENIED_INGRESS),
                new EdgeChange(backToDb, ALLOWED, DENIED_INGRESS),
                new EdgeChange(external, new Verdict(false, "default deny: selected by NetworkPolicy/shop/backend",
                        "not a pod", false), ALLOWED),
                new EdgeChange(frontToBack, ALLOWED, new Verdict(false, "deny: GlobalNetworkPolicy/ops|audit egress[0]",
                        "no policy selects the pod", false))),
                List.of(new ReachabilityChange(WORKER, BACKEND, Protocol.TCP, 8080, false, true, false),
                        new ReachabilityChange(FRONTEND, DB, Protocol.TCP, 5432, false, true, false),
                        new ReachabilityChange(BACKEND, DB, Protocol.TCP, 5433, false, true, false)),
                List.of(new ReachabilityChange(WORKER, FRONTEND, Protocol.TCP, 80, true, false, false)),
                List.of(new NewReachability(WORKER, PolicyType.EGRESS, PeerKind.INTERNET,
                                List.of(PeerKind.INTERNET, PeerKind.NODE, PeerKind.VPC), List.of("0.0.0.0/0"), "0.0.0.0/0",
                                List.of(), null, List.of(), ConnectionSet.ALL, ConnectionSet.ALL, 1L << 32, 1L << 32,
                                3 * 65535, 0),
                        new NewReachability(BACKEND, PolicyType.EGRESS, PeerKind.INTERNET, List.of(PeerKind.INTERNET),
                                List.of("52.94.0.0/16"), "52.94.0.0/16", List.of(), null, List.of(),
                                ConnectionSet.of(Protocol.TCP, PortSet.of(443)), ConnectionSet.of(Protocol.TCP, PortSet.of(443)),
                                65536, 65535, 1, 7),
                        new NewReachability(DB, PolicyType.INGRESS, PeerKind.OTHER_NAMESPACE,
                                List.of(PeerKind.OTHER_NAMESPACE), List.of(), null, List.of(), "shop",
                                List.of(FRONTEND, WORKER), ConnectionSet.of(Protocol.TCP, PortSet.of(5432)),
                                ConnectionSet.of(Protocol.TCP, PortSet.of(5432)), 2, 2, 1, 3)),
                List.of(snat()));
    }

    /**
     * SNAT-ed egress to a payment API (issue 14): 249 connections from one node, frontend a candidate
     * of all, backend of 237; the proposal denies backend there, today's policies deny neither.
     */
    static SnatChange snat() {
        SnatAttribution a = new SnatAttribution(IpAddress.parse("198.51.100.23"), Protocol.TCP, 443,
                new Evidence(249, 2490, 249000, at("2026-11-30T08:00:00Z"), at("2026-11-30T10:00:00Z"), Set.of()),
                new java.util.TreeMap<>(Map.of("ip-10-0-1-10", 249L)), new java.util.TreeMap<>(Map.of(FRONTEND, 12L)),
                List.of(FRONTEND), List.of(BACKEND, FRONTEND), 0);
        WorkloadId agent = new WorkloadId("kube-system", "DaemonSet", "aws-node");
        SnatVerdict before = new SnatVerdict(a, new java.util.TreeMap<>(Map.of(BACKEND, true, FRONTEND, true)), List.of(agent), 249, 0, 0, 0);
        SnatVerdict after = new SnatVerdict(a, new java.util.TreeMap<>(Map.of(BACKEND, false, FRONTEND, true)), List.of(agent), 12, 237, 0, 0);
        return new SnatChange(before, after);
    }

    static StructuralDiff structure() {
        String db = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db\n  namespace: data\n"
                + "spec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n";
        String backend = db.replace("name: db", "name: backend").replace("namespace: data", "namespace: shop");
        return StructuralDiff.of(
                Map.of("networking.k8s.io/NetworkPolicy/data/db", db,
                        "networking.k8s.io/NetworkPolicy/shop/legacy", backend.replace("backend", "legacy")),
                Map.of("networking.k8s.io/NetworkPolicy/data/db", db.replace("  - Ingress\n", "  - Ingress\n  - Egress\n"),
                        "networking.k8s.io/NetworkPolicy/shop/backend", backend));
    }

    static DiffReport report() {
        return new DiffReport("cluster", "out/", connectivity(), structure(), List.of(
                new Finding(Finding.Severity.INFO, "window", "learning window 2026-11-30T09:00Z to 10:10Z", 0),
                new Finding(Finding.Severity.WARNING, "missing-pkt-fields",
                        "the flow-log format has no pkt-srcaddr/pkt-dstaddr: pod-to-pod flows joined by ports and time", 1200)));
    }
}
