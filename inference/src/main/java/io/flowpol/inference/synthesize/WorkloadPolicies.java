package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.Workload;
import java.util.List;
import java.util.Map;

/**
 * Builds the NetworkPolicy of one workload: ingress from every observed client, egress to
 * every observed server, both directions governed so that anything unobserved is denied.
 */
final class WorkloadPolicies {
    static final Map<String, String> MANAGED_BY = Map.of("app.kubernetes.io/managed-by", "flowpol");
    static final List<PolicyType> BOTH = List.of(PolicyType.INGRESS, PolicyType.EGRESS);

    private final PeerMapper mapper;
    private final PortNaming naming;
    private final SynthesisFindings findings;
    /** Summary edges of internet-facing ports (issue 19 item 3): their rule allows the summary's blocks. */
    private final Map<Edge, InternetClients> summaries;

    WorkloadPolicies(PeerMapper mapper, PortNaming naming, SynthesisFindings findings,
                     Map<Edge, InternetClients> summaries) {
        this.mapper = mapper;
        this.naming = naming;
        this.findings = findings;
        this.summaries = summaries;
    }

    /** The policy of {@code workload} named {@code name}, and its rules' evidence into {@code evidence}. */
    NetworkPolicy build(Workload workload, String name, List<Edge> edges, List<RuleEvidence> evidence) {
        WorkloadId id = workload.id();
        RuleGrouper ingress = new RuleGrouper();
        RuleGrouper egress = new RuleGrouper();
        for (Edge edge : edges) {
            if (!OtherProtocolRules.networkPolicyExpressible(edge)) {
                continue; // OtherProtocolRules allows it in Calico or lists it
            }
            if (isWorkload(edge.server(), id)) {
                add(ingress, edge, edge.client(), id);
            }
            if (isWorkload(edge.client(), id)) {
                add(egress, edge, edge.server(), edge.server().kind() == Peer.Kind.WORKLOAD ? edge.server().workload() : null);
            }
        }
        String ns = id.namespace();
        evidence.addAll(ingress.evidence(ns, name, PolicyType.INGRESS));
        evidence.addAll(egress.evidence(ns, name, PolicyType.EGRESS));
        return new NetworkPolicy(ns, name, MANAGED_BY, Map.of(), workload.selector(), BOTH,
                ingress.rules(), egress.rules());
    }

    /** Namespace default deny: nothing in, nothing out but DNS to kube-dns (DESIGN.md contracts: DNS is always allowed). */
    static NetworkPolicy defaultDeny(String namespace) {
        NetworkPolicyPeer kubeDns = new NetworkPolicyPeer(
                LabelSelector.of(Map.of("k8s-app", "kube-dns")),
                PeerMapper.namespaceSelector("kube-system"), null);
        NetworkPolicyRule dns = new NetworkPolicyRule(List.of(kubeDns), List.of(
                NetworkPolicyPort.number(Protocol.TCP, 53), NetworkPolicyPort.number(Protocol.UDP, 53)));
        return new NetworkPolicy(namespace, PolicyNames.DEFAULT_DENY, MANAGED_BY, Map.of(),
                LabelSelector.ALL, BOTH, List.of(), List.of(dns));
    }

    private void add(RuleGrouper rules, Edge edge, Peer other, WorkloadId destination) {
        InternetClients summary = summaries.get(edge);
        List<NetworkPolicyPeer> peers = summary == null ? mapper.map(other) : summary.allowed().stream()
                .map(c -> new NetworkPolicyPeer(null, null, new IpBlock(c, List.of()))).toList();
        if (peers.isEmpty()) {
            findings.unselectable(edge, other);
            return;
        }
        if (other.kind() == Peer.Kind.VPC_ADDRESS && !mapper.inEniSet(other.ip())) {
            findings.vpcAddress(other == edge.client() ? edge.server().workload() : edge.client().workload(), other);
        }
        NetworkPolicyPort port = naming.port(edge, destination);
        rules.add(peers, port, edge);
    }

    private static boolean isWorkload(Peer peer, WorkloadId id) {
        return peer.kind() == Peer.Kind.WORKLOAD && peer.workload().equals(id);
    }
}
