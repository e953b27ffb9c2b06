package io.flowpol.templates.render;

import io.flowpol.inference.model.CandidateSet;
import io.flowpol.inference.model.Coverage;
import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelRequirement;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.diff.BeyondObserved;
import io.flowpol.inference.diff.ExpectedReachability;
import io.flowpol.inference.diff.NewReachability;
import io.flowpol.inference.diff.NewReachabilityFinder;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import io.flowpol.inference.model.WorkloadPair;
import io.flowpol.inference.synthesize.PolicySynthesizer;
import io.flowpol.inference.synthesize.SynthesisOptions;
import io.flowpol.inference.timeline.AddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.NodeSpan;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.Workload;
import io.flowpol.inference.model.WorkloadId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small hand-built model: a shop (frontend, backend with a named port, a worker selected by
 * an expression), a database namespace, CoreDNS, a node, the API server, one external and
 * one IPv6 peer, an attempt, SNAT egress, coverage gaps and a finding with a pipe in it.
 */
final class SampleModel {
    static final long T0 = 1_796_032_800_000L; // 2026-11-30T10:00:00Z
    static final long MINUTE = 60_000L;

    static final WorkloadId FRONTEND = new WorkloadId("shop", "Deployment", "frontend");
    static final WorkloadId BACKEND = new WorkloadId("shop", "Deployment", "backend");
    static final WorkloadId WORKER = new WorkloadId("shop", "StatefulSet", "worker");
    static final WorkloadId DB = new WorkloadId("data", "StatefulSet", "db");
    static final WorkloadId COREDNS = new WorkloadId("kube-system", "Deployment", "coredns");

    private SampleModel() {
    }

    static ClusterTimeline cluster() {
        List<NamespaceInfo> namespaces = List.of("data", "kube-system", "shop").stream()
                .map(n -> new NamespaceInfo(n, Map.of("kubernetes.io/metadata.name", n))).toList();
        List<Workload> workloads = List.of(
                new Workload(FRONTEND, LabelSelector.of(Map.of("app", "frontend")), Map.of("app", "frontend")),
                new Workload(BACKEND, LabelSelector.of(Map.of("app", "backend", "tier", "api")), Map.of("app", "backend")),
                new Workload(WORKER, new LabelSelector(Map.of("app", "worker"), List.of(new LabelRequirement("track",
                        LabelRequirement.Operator.IN, List.of("stable", "canary")))), Map.of("app", "worker")),
                new Workload(DB, LabelSelector.of(Map.of("app", "db")), Map.of("app", "db")),
                new Workload(COREDNS, LabelSelector.of(Map.of("k8s-app", "kube-dns")), Map.of("k8s-app", "kube-dns")));
        List<PodSpan> pods = List.of(
                pod(FRONTEND, "frontend-1", "10.0.1.21", Map.of("app", "frontend")),
                pod(BACKEND, "backend-1", "10.0.2.31", Map.of("app", "backend", "tier", "api"),
                        new ContainerPort("http", 9090, Protocol.TCP)),
                pod(WORKER, "worker-0", "10.0.2.35", Map.of("app", "worker", "track", "stable")),
                pod(DB, "db-0", "10.0.2.41", Map.of("app", "db"), new ContainerPort("pg", 5432, Protocol.TCP)),
                pod(COREDNS, "coredns-1", "10.0.1.53", Map.of("k8s-app", "kube-dns"),
                        new ContainerPort("dns", 53, Protocol.UDP)));
        NodeSpan node = new NodeSpan("ip-10-0-1-10", List.of(IpAddress.parse("10.0.1.10")), Map.of(), "linux",
                T0 - 60 * MINUTE, Long.MAX_VALUE);
        return new ClusterTimeline(namespaces, List.of(node), pods, workloads, List.of(),
                List.of(new AddressSpan(IpAddress.parse("10.0.0.50"), 443, T0 - 60 * MINUTE, Long.MAX_VALUE),
                        new AddressSpan(IpAddress.parse("10.0.0.51"), 443, T0 - 60 * MINUTE, Long.MAX_VALUE)),
                T0 - 60 * MINUTE, T0 + 120 * MINUTE);
    }

    /** Labels as the workload's selector picks them, so that replaying the policies selects the pod. */
    private static PodSpan pod(WorkloadId id, String name, String ip, Map<String, String> labels, ContainerPort... ports) {
        return new PodSpan("uid-" + name, id.namespace(), name, id, "ip-10-0-1-10", List.of(IpAddress.parse(ip)), false,
                labels, List.of(ports), "default", "linux", T0 - 60 * MINUTE, Long.MAX_VALUE);
    }

    static Edge edge(Peer client, Peer server, int protocol, int port, long connections) {
        Evidence evidence = new Evidence(connections, connections * 12, connections * 4096, T0,
                T0 + 119 * MINUTE, Set.of(DirectionProof.TCP_FLAGS, DirectionProof.DECLARED_PORT));
        return new Edge(client, server, protocol, port, null, evidence);
    }

    static InferenceResult result() {
        Peer frontend = Peer.workload(FRONTEND);
        Peer backend = Peer.workload(BACKEND);
        List<Edge> edges = List.of(
                edge(frontend, backend, Protocol.TCP, 9090, 42),
                edge(backend, Peer.workload(DB), Protocol.TCP, 5432, 17),
                edge(Peer.workload(WORKER), Peer.workload(DB), Protocol.TCP, 5432, 3),
                edge(frontend, Peer.workload(COREDNS), Protocol.UDP, 53, 120),
                edge(Peer.node("ip-10-0-1-10", IpAddress.parse("10.0.1.10")), frontend, Protocol.TCP, 8080, 9),
                edge(Peer.vpcAddress(IpAddress.parse("10.0.3.7")), frontend, Protocol.TCP, 8080, 300),
                edge(backend, Peer.apiServer(IpAddress.parse("10.0.0.50")), Protocol.TCP, 443, 5),
                edge(backend, Peer.external(IpAddress.parse("2001:db8::7")), Protocol.TCP, 443, 2),
                edge(Peer.workload(WORKER), Peer.external(IpAddress.parse("198.51.100.9")), Protocol.TCP, 443, 1));
        List<Edge> attempts = List.of(edge(frontend, Peer.workload(DB), Protocol.TCP, 5432, 4));
        // 4 connections while backend and frontend shared the node, 2 while frontend ran there alone.
        SnatEgress snat = SnatEgress.ofSets("ip-10-0-1-10", IpAddress.parse("203.0.113.80"), Protocol.TCP, 443,
                edge(frontend, backend, Protocol.TCP, 443, 6).evidence(),
                List.of(new CandidateSet(List.of(BACKEND, FRONTEND), 4), new CandidateSet(List.of(FRONTEND), 2)));
        Coverage coverage = new Coverage(List.of(new WorkloadId("shop", "Deployment", "idle")),
                List.of(new WorkloadPair(FRONTEND, WORKER)), Map.of("no-pod-at-time", 12L));
        List<Finding> findings = List.of(new Finding(Finding.Severity.WARNING, "missing-pkt-fields",
                "format lacks pkt-srcaddr | pkt-dstaddr: pod flows joined on ports and time", 1));
        return new InferenceResult(edges, attempts, List.of(snat), coverage, findings);
    }

    static OutputModel model() {
        ClusterTimeline cluster = cluster();
        InferenceResult result = result();
        SynthesisOptions options = new SynthesisOptions(2, 32, 128, SynthesisOptions.DEFAULT_EXCLUDED);
        SynthesizedPolicies policies = new PolicySynthesizer(options).synthesize(result, cluster);
        return new OutputModel(policies, result,
                OutputModel.ClusterSummary.of(cluster),
                new OutputModel.InputDescription(List.of("flows/2026/11/30/eni_a.log.gz"), "v5 custom (pkt-srcaddr, pkt-dstaddr, tcp-flags)",
                        T0, T0 + 120 * MINUTE),
                List.of(new Finding(Finding.Severity.INFO, "skipdata", "no SKIPDATA records", 0)),
                beyondObserved(cluster, result, policies.policies()));
    }

    /** As {@code generate} computes it: the finder against the observed edges, exceptions labelled. */
    static List<BeyondObserved> beyondObserved(ClusterTimeline cluster, InferenceResult result, PolicySet set) {
        java.util.Set<String> isolated = new java.util.HashSet<>();
        set.networkPolicies().forEach(p -> isolated.add(p.namespace()));
        NewReachabilityFinder finder = new NewReachabilityFinder(new EndpointCatalog(cluster),
                List.of(IpAddress.parse("10.0.1.10")), List.of(IpAddress.parse("10.0.0.50"), IpAddress.parse("10.0.0.51")),
                List.of(Cidr.parse("10.0.0.0/16")));
        List<NewReachability> rows = finder.beyondObserved(set, new PolicyEngine(set, new CalicoPolicyMatcher()),
                result.edges(), id -> isolated.contains(id.namespace()));
        return new ExpectedReachability(result.snatEgress(), result.edges(),
                List.of(IpAddress.parse("10.0.0.50"), IpAddress.parse("10.0.0.51"))).classify(rows);
    }
}
