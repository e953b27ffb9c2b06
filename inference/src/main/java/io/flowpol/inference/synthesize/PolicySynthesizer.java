package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.Workload;
import io.flowpol.inference.timeline.WorkloadId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Synthesizes least-privilege policies from proven edges: per observed workload a
 * NetworkPolicy allowing exactly its observed clients and servers, per namespace a default
 * deny (DNS excepted), and the Calico guards ({@link CalicoGuards}). Attempts and SNAT
 * egress are never turned into rules (DESIGN.md facts 3 and 11); edges with fewer
 * connections than {@link SynthesisOptions#minConnections()} are left out and listed.
 */
public final class PolicySynthesizer {
    private final SynthesisOptions options;

    public PolicySynthesizer(SynthesisOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options == null");
        }
        this.options = options;
    }

    public SynthesizedPolicies synthesize(InferenceResult result, ClusterTimeline cluster) {
        if (result == null || cluster == null) {
            throw new IllegalArgumentException("result and cluster are required");
        }
        List<Edge> kept = new ArrayList<>();
        List<Edge> leftOut = new ArrayList<>();
        for (Edge edge : new TreeSet<>(result.edges())) {
            (connections(edge) >= options.minConnections() ? kept : leftOut).add(edge);
        }
        SynthesisFindings findings = new SynthesisFindings();
        PeerMapper mapper = new PeerMapper(cluster, options);
        List<RuleEvidence> evidence = new ArrayList<>();
        List<NetworkPolicy> networkPolicies = workloadPolicies(kept, cluster, mapper, findings, evidence);
        TreeSet<String> denied = new TreeSet<>();
        networkPolicies.stream().filter(p -> p.name().equals(PolicyNames.DEFAULT_DENY))
                .forEach(p -> denied.add(p.namespace()));
        List<CalicoPolicy> calico = new CalicoGuards(mapper, options, cluster, findings).build(kept, denied, evidence);
        LoadBalancerAdvice.advise(cluster, kept, options, findings);
        return new SynthesizedPolicies(new PolicySet(networkPolicies, calico), evidence, leftOut, findings.findings());
    }

    private List<NetworkPolicy> workloadPolicies(List<Edge> kept, ClusterTimeline cluster, PeerMapper mapper,
                                                 SynthesisFindings findings, List<RuleEvidence> evidence) {
        Map<WorkloadId, List<Edge>> byWorkload = new TreeMap<>();
        for (Edge edge : kept) {
            for (Peer end : List.of(edge.client(), edge.server())) {
                if (end.kind() == Peer.Kind.WORKLOAD && !options.excluded(end.workload().namespace())) {
                    List<Edge> edges = byWorkload.computeIfAbsent(end.workload(), k -> new ArrayList<>());
                    if (edges.isEmpty() || edges.get(edges.size() - 1) != edge) {
                        edges.add(edge);
                    }
                }
            }
        }
        Map<WorkloadId, String> names = PolicyNames.assign(byWorkload.keySet());
        WorkloadPolicies builder = new WorkloadPolicies(mapper, new PortNaming(cluster), findings);
        List<NetworkPolicy> policies = new ArrayList<>();
        TreeSet<String> namespaces = new TreeSet<>();
        byWorkload.forEach((id, edges) -> {
            Workload workload = mapper.workload(id);
            if (workload == null) {
                findings.unknownWorkload(id);
            } else {
                policies.add(builder.build(workload, names.get(id), edges, evidence));
                namespaces.add(id.namespace());
                if (runsOnWindows(id, cluster)) {
                    findings.windows(id);
                }
            }
        });
        namespaces.forEach(ns -> policies.add(WorkloadPolicies.defaultDeny(ns)));
        policies.sort(Comparator.comparing(NetworkPolicy::namespace).thenComparing(NetworkPolicy::name));
        evidence.sort(Comparator.comparing((RuleEvidence e) -> e.namespace() == null ? "" : e.namespace())
                .thenComparing(RuleEvidence::policy).thenComparing(RuleEvidence::direction)
                .thenComparingInt(RuleEvidence::rule));
        return policies;
    }

    private static boolean runsOnWindows(WorkloadId id, ClusterTimeline cluster) {
        java.util.Set<String> windowsNodes = new java.util.HashSet<>();
        cluster.nodes().stream().filter(n -> "windows".equalsIgnoreCase(n.os())).forEach(n -> windowsNodes.add(n.name()));
        return cluster.pods().stream().filter(p -> p.workload().equals(id))
                .anyMatch(p -> "windows".equalsIgnoreCase(p.os()) || windowsNodes.contains(p.node()));
    }

    /** An edge exists because at least one connection was proven; missing evidence counts as one. */
    private static long connections(Edge edge) {
        return edge.evidence() == null ? 1 : edge.evidence().connections();
    }
}
