package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.EniSets;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.Workload;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.SnatAttribution;
import io.flowpol.inference.snat.SnatAttributions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Synthesizes least-privilege policies from proven edges: per observed workload a
 * NetworkPolicy allowing exactly its observed clients and servers, per namespace a default
 * deny (DNS excepted), and the Calico guards ({@link CalicoGuards}). Attempts are never turned
 * into rules (DESIGN.md fact 11); SNAT-hidden egress is allowed to its destination for its
 * time-resolved candidate workloads, or its certain and common ones, never attributed to one by
 * guess, or only reported (fact 3, {@link SnatEgressMode}); edges with fewer
 * connections than {@link SynthesisOptions#minConnections()} are left out and listed; edges of a
 * protocol NetworkPolicy cannot express are allowed in Calico or listed ({@link OtherProtocolRules}).
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
        return synthesize(result, cluster, NetworkInventory.EMPTY);
    }

    /**
     * With the AWS network inventory, an in-VPC peer it names as a load balancer, endpoint,
     * database or the EKS control plane is allowed by all of that resource's ENI addresses
     * ({@link EniSets}, issue 11 item 3), and the report says how many addresses that adds.
     */
    public SynthesizedPolicies synthesize(InferenceResult result, ClusterTimeline cluster, NetworkInventory inventory) {
        if (result == null || cluster == null) {
            throw new IllegalArgumentException("result and cluster are required");
        }
        List<Edge> kept = new ArrayList<>();
        List<Edge> leftOut = new ArrayList<>();
        for (Edge edge : new TreeSet<>(result.edges())) {
            (connections(edge) >= options.minConnections() ? kept : leftOut).add(edge);
        }
        SynthesisFindings findings = new SynthesisFindings();
        PeerMapper mapper = new PeerMapper(cluster, options, new EniSets(inventory));
        List<RuleEvidence> evidence = new ArrayList<>();
        List<SnatAttribution> attributions = SnatAttributions.of(result.snatEgress());
        List<Finding> snatFindings = snatFindings(attributions);
        Map<Edge, SnatNote> notes = new IdentityHashMap<>();
        List<InternetClients> internet = options.internetClientsThreshold() > 0
                ? InternetClientSummarizer.summarize(kept, options.internetClientsThreshold(),
                        result.peerSummaries(), options.clientNetworks()) : List.of();
        Map<Edge, InternetClients> summaries = new IdentityHashMap<>();
        List<Edge> withSnat = summarised(kept, internet, summaries);
        if (options.allowSnatCandidates()) {
            withSnat.addAll(snatCandidateEdges(attributions, notes));
        }
        List<NetworkPolicy> networkPolicies = workloadPolicies(withSnat, cluster, mapper, findings, evidence, summaries);
        TreeSet<String> denied = new TreeSet<>();
        networkPolicies.stream().filter(p -> p.name().equals(PolicyNames.DEFAULT_DENY))
                .forEach(p -> denied.add(p.namespace()));
        List<CalicoPolicy> calico = new ArrayList<>(
                new CalicoGuards(mapper, options, cluster, findings).build(kept, denied, evidence));
        OtherProtocolRules.Result other = new OtherProtocolRules(mapper, findings).build(withSnat, denied, evidence);
        if (other.policy() != null) {
            calico.add(other.policy());
        }
        LoadBalancerAdvice.advise(cluster, kept, options, findings);
        List<SourceRanges> sourceRanges = LoadBalancerClients.learn(cluster, kept, inventory, options, findings);
        attachNotes(evidence, notes);
        attachSummaries(evidence, summaries);
        eniSetFindings(kept, mapper.eniSets(), findings);
        List<Finding> all = new ArrayList<>(findings.findings());
        all.addAll(snatFindings);
        internet.forEach(s -> all.add(internetFinding(s)));
        return new SynthesizedPolicies(new PolicySet(networkPolicies, calico), evidence, leftOut, other.edges(), all,
                internet, sourceRanges);
    }

    /** One line per widened resource: how many of its addresses the rules allow beyond those seen. */
    private static void eniSetFindings(List<Edge> kept, EniSets sets, SynthesisFindings findings) {
        List<io.flowpol.inference.model.IpAddress> seen = new ArrayList<>();
        for (Edge e : kept) {
            for (Peer p : List.of(e.client(), e.server())) {
                if ((p.kind() == Peer.Kind.VPC_ADDRESS || p.kind() == Peer.Kind.API_SERVER) && p.ip() != null) {
                    seen.add(p.ip());
                }
            }
        }
        sets.widenings(seen).values().forEach(w -> findings.add(Finding.Severity.INFO, "eni-set", "rules to "
                + w.resource() + " allow all " + w.addresses() + " of its ENI addresses" + w.seen()
                + ", so they keep working as it scales or fails over"));
    }

    /**
     * {@code kept} with the clients of every internet-facing port folded into one edge (issue 19
     * item 3), remembered in {@code summaries}: its rule allows the summary's blocks, not the client.
     */
    private static List<Edge> summarised(List<Edge> kept, List<InternetClients> internet,
                                         Map<Edge, InternetClients> summaries) {
        if (internet.isEmpty()) {
            return new ArrayList<>(kept);
        }
        java.util.Set<Edge> folded = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Edge> out = new ArrayList<>();
        for (InternetClients s : internet) {
            folded.addAll(s.edges());
            Edge edge = new Edge(Peer.external(s.allowed().get(0).base()), Peer.workload(s.server()), s.protocol(),
                    s.port(), s.portName(), s.evidence());
            summaries.put(edge, s);
            out.add(edge);
        }
        kept.stream().filter(e -> !folded.contains(e)).forEach(out::add);
        return out;
    }

    private Finding internetFinding(InternetClients s) {
        String allowed = s.everyAddress() ? "allowed from every address (" + s.allowed().stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining(", ")) + ")"
                : "allowed from its " + s.networks() + " client networks";
        return new Finding(Finding.Severity.WARNING, "internet-facing", s.server() + " "
                + io.flowpol.inference.model.Protocol.name(s.protocol()) + " " + s.port() + " is internet-facing: "
                + s.text() + " (more than --internet-clients-threshold " + options.internetClientsThreshold() + "), so it is "
                + allowed, s.distinctClients());
    }

    /** The evidence of rules that hold an internet-facing summary, with the summary attached. */
    private static void attachSummaries(List<RuleEvidence> evidence, Map<Edge, InternetClients> summaries) {
        if (summaries.isEmpty()) {
            return;
        }
        for (int i = 0; i < evidence.size(); i++) {
            RuleEvidence e = evidence.get(i);
            List<InternetClients> found = e.edges().stream().map(summaries::get).filter(n -> n != null).toList();
            if (!found.isEmpty()) {
                evidence.set(i, new RuleEvidence(e.namespace(), e.policy(), e.direction(), e.rule(), e.edges(), e.snat(),
                        found));
            }
        }
    }

    /**
     * Egress seen only as node to external (DESIGN.md fact 3): one edge per allowed workload and
     * destination (issue 14 item 3) — every time-resolved candidate, or the certain and common ones —
     * each remembered with the note its rule comment carries, since the count behind it is the
     * nodes', not the workload's.
     */
    private List<Edge> snatCandidateEdges(List<SnatAttribution> attributions, Map<Edge, SnatNote> notes) {
        List<Edge> edges = new ArrayList<>();
        boolean common = options.snatEgress() == SnatEgressMode.COMMON_CANDIDATES;
        for (SnatAttribution a : attributions) {
            for (WorkloadId candidate : common ? a.commonAllowed() : a.all()) {
                if (!options.excluded(candidate.namespace())) {
                    Edge edge = new Edge(Peer.workload(candidate), Peer.external(a.destination()), a.protocol(),
                            a.port(), null, a.evidence());
                    edges.add(edge);
                    notes.put(edge, new SnatNote(edge, SnatText.note(a, candidate)));
                }
            }
        }
        return edges;
    }

    /** Per destination: who is certain, common, a candidate at all, and what the mode allowed (issue 14 item 2). */
    private List<Finding> snatFindings(List<SnatAttribution> attributions) {
        List<Finding> out = new ArrayList<>();
        for (SnatAttribution a : attributions) {
            if (a.all().isEmpty()) {
                continue;
            }
            out.add(new Finding(Finding.Severity.WARNING, "snat-candidates", SnatText.finding(a, options.snatEgress()),
                    a.connections()));
        }
        return out;
    }

    /** The evidence of rules that hold SNAT-derived edges, with their notes attached. */
    private static void attachNotes(List<RuleEvidence> evidence, Map<Edge, SnatNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        for (int i = 0; i < evidence.size(); i++) {
            RuleEvidence e = evidence.get(i);
            List<SnatNote> found = e.edges().stream().map(notes::get).filter(n -> n != null).toList();
            if (!found.isEmpty()) {
                evidence.set(i, new RuleEvidence(e.namespace(), e.policy(), e.direction(), e.rule(), e.edges(), found,
                        e.internet()));
            }
        }
    }

    private List<NetworkPolicy> workloadPolicies(List<Edge> kept, ClusterTimeline cluster, PeerMapper mapper,
                                                 SynthesisFindings findings, List<RuleEvidence> evidence,
                                                 Map<Edge, InternetClients> summaries) {
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
        WorkloadPolicies builder = new WorkloadPolicies(mapper, new PortNaming(cluster), findings, summaries);
        List<NetworkPolicy> policies = new ArrayList<>();
        TreeSet<String> namespaces = new TreeSet<>();
        byWorkload.forEach((id, edges) -> {
            Workload workload = mapper.workload(id);
            if (workload == null) {
                findings.unknownWorkload(id);
            } else {
                policies.add(builder.build(workload, names.get(id), edges, evidence));
                namespaces.add(id.namespace());
            }
        });
        namespaces.forEach(ns -> policies.add(WorkloadPolicies.defaultDeny(ns)));
        policies.sort(Comparator.comparing(NetworkPolicy::namespace).thenComparing(NetworkPolicy::name));
        evidence.sort(Comparator.comparing((RuleEvidence e) -> e.namespace() == null ? "" : e.namespace())
                .thenComparing(RuleEvidence::policy).thenComparing(RuleEvidence::direction)
                .thenComparingInt(RuleEvidence::rule));
        return policies;
    }

    /** An edge exists because at least one connection was proven; missing evidence counts as one. */
    private static long connections(Edge edge) {
        return edge.evidence() == null ? 1 : edge.evidence().connections();
    }
}
