package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPolicy.CalicoKind;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.Workload;
import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Edges Kubernetes NetworkPolicy cannot express — it knows TCP, UDP and SCTP only, so ICMP,
 * ICMPv6, GRE, ESP, ... (issue 12 item 5) — whose end is a pod under a flowpol default deny,
 * which blocks them: a NetworkPolicy isolates a pod for every protocol. Calico rules take any IP
 * protocol, so they are allowed in one GlobalNetworkPolicy, {@value #NAME}, rule by rule for
 * exactly the observed pair and protocol (flow logs carry no ICMP type or code, so the whole
 * protocol). What Calico cannot take either (protocol 0, TCP/UDP/SCTP without a port, a peer
 * without a selector or address) is only listed: the policies deny it, on purpose.
 *
 * <p>Like the guards ({@link CalicoGuards}), the policy selects only pods that a flowpol default
 * deny already isolates in the default tier, so selecting them adds no end-of-tier drop. Its
 * order, between the metadata deny (110) and the API server pair (200, 210), lets an observed
 * ICMP flow to the API server through; each rule names both ends, so the early order opens
 * nothing else.
 */
final class OtherProtocolRules {
    static final String NAME = "flowpol-allow-other-protocols";
    static final double ORDER = 150;
    private static final int MAX_PROTOCOL = 255;

    private final PeerMapper mapper;
    private final SynthesisFindings findings;

    OtherProtocolRules(PeerMapper mapper, SynthesisFindings findings) {
        this.mapper = mapper;
        this.findings = findings;
    }

    /** NetworkPolicy ports speak TCP, UDP and SCTP only, with ports 1-65535 (schemas/README.md). */
    static boolean networkPolicyExpressible(Edge edge) {
        return (edge.protocol() == Protocol.TCP || edge.protocol() == Protocol.UDP
                || edge.protocol() == Protocol.SCTP) && edge.port() >= 1;
    }

    /** What {@link #build} made: the policy (null when no rule was needed) and every edge it considered. */
    record Result(CalicoPolicy policy, List<UnexpressibleEdge> edges) {
    }

    /**
     * @param edges every edge that synthesis keeps (SNAT candidates included)
     * @param isolated the namespaces with a flowpol default deny
     * @param evidence receives the edges behind each rule
     */
    Result build(List<Edge> edges, SortedSet<String> isolated, List<RuleEvidence> evidence) {
        Map<CalicoRule, List<Edge>> ingress = new LinkedHashMap<>();
        Map<CalicoRule, List<Edge>> egress = new LinkedHashMap<>();
        TreeSet<WorkloadId> selected = new TreeSet<>();
        List<UnexpressibleEdge> out = new ArrayList<>();
        for (Edge edge : new TreeSet<>(edges)) {
            if (networkPolicyExpressible(edge)) {
                continue;
            }
            Workload client = isolatedWorkload(edge.client(), isolated);
            Workload server = isolatedWorkload(edge.server(), isolated);
            if (client == null && server == null) {
                continue; // no flowpol policy selects either end: nothing blocks it
            }
            List<CalicoRule> egressRules = client == null ? List.of() : rules(edge, self(client), edge.server());
            List<CalicoRule> ingressRules = server == null ? List.of() : rules(edge, edge.client(), self(server));
            boolean expressed = (client == null || !egressRules.isEmpty()) && (server == null || !ingressRules.isEmpty());
            if (!expressed) {
                out.add(new UnexpressibleEdge(edge, null));
                findings.add(Finding.Severity.WARNING, "not-expressible", edge.client() + " -> " + edge.server() + " "
                        + text(edge) + " was observed, but neither a NetworkPolicy nor a Calico rule can allow it: the"
                        + " default deny blocks it");
                continue;
            }
            egressRules.forEach(r -> egress.computeIfAbsent(r, k -> new ArrayList<>()).add(edge));
            ingressRules.forEach(r -> ingress.computeIfAbsent(r, k -> new ArrayList<>()).add(edge));
            if (client != null) {
                selected.add(client.id());
            }
            if (server != null) {
                selected.add(server.id());
            }
            out.add(new UnexpressibleEdge(edge, NAME));
            findings.add(Finding.Severity.INFO, "other-protocol", edge.client() + " -> " + edge.server() + " "
                    + text(edge) + " is beyond Kubernetes NetworkPolicy (TCP, UDP and SCTP only), whose default deny"
                    + " blocks it; it is allowed in the Calico GlobalNetworkPolicy " + NAME);
        }
        if (selected.isEmpty()) {
            return new Result(null, out);
        }
        List<PolicyType> types = new ArrayList<>();
        if (!ingress.isEmpty()) {
            types.add(PolicyType.INGRESS);
        }
        if (!egress.isEmpty()) {
            types.add(PolicyType.EGRESS);
        }
        addEvidence(ingress, PolicyType.INGRESS, evidence);
        addEvidence(egress, PolicyType.EGRESS, evidence);
        String selector = CalicoSelectors.anyOf(List.copyOf(selected), id -> mapper.workload(id).selector());
        CalicoPolicy policy = new CalicoPolicy(CalicoKind.GLOBAL_NETWORK_POLICY, null, NAME, "default", ORDER, selector,
                null, null, types, List.copyOf(ingress.keySet()), List.copyOf(egress.keySet()));
        return new Result(policy, out);
    }

    /** A workload peer whose pods a flowpol default deny isolates, or null. */
    private Workload isolatedWorkload(Peer peer, SortedSet<String> isolated) {
        if (peer.kind() != Peer.Kind.WORKLOAD || !isolated.contains(peer.workload().namespace())) {
            return null;
        }
        return mapper.workload(peer.workload());
    }

    private static Peer self(Workload workload) {
        return Peer.workload(workload.id());
    }

    /**
     * The rules (one per address family when addresses are involved: Calico rejects a rule that
     * mixes them) that allow the edge's protocol from {@code source} to {@code destination};
     * empty when it cannot be expressed.
     */
    private List<CalicoRule> rules(Edge edge, Peer source, Peer destination) {
        int protocol = edge.protocol();
        if (protocol < 1 || protocol > MAX_PROTOCOL || protocol == Protocol.TCP || protocol == Protocol.UDP
                || protocol == Protocol.SCTP) {
            return List.of(); // a port-based protocol without a port: allowing every port would be a guess
        }
        String name = Protocol.name(protocol);
        CalicoEntityRule from = entity(source, 0);
        CalicoEntityRule to = entity(destination, 0);
        if (from != null && to != null) {
            return List.of(new CalicoRule(CalicoAction.ALLOW, name, null, null, from, to));
        }
        List<CalicoRule> rules = new ArrayList<>();
        for (int version : new int[] {4, 6}) {
            if ((protocol == Protocol.ICMP && version == 6) || (protocol == Protocol.ICMPV6 && version == 4)) {
                continue;
            }
            CalicoEntityRule f = entity(source, version);
            CalicoEntityRule t = entity(destination, version);
            if (f != null && t != null && (!f.nets().isEmpty() || !t.nets().isEmpty())) {
                rules.add(new CalicoRule(CalicoAction.ALLOW, name, null, version, f, t));
            }
        }
        return rules;
    }

    /**
     * A workload by its Calico selector (any family: {@code version} 0 or not); anything else by
     * its addresses of IP {@code version}; null when there is nothing to match it by.
     */
    private CalicoEntityRule entity(Peer peer, int version) {
        if (peer.kind() == Peer.Kind.WORKLOAD) {
            Workload w = mapper.workload(peer.workload());
            return w == null ? null : new CalicoEntityRule(CalicoSelectors.workload(w.id().namespace(), w.selector()),
                    null, null, null, null, null, null, null);
        }
        if (version == 0) {
            return null;
        }
        List<Cidr> nets = mapper.map(peer).stream().map(NetworkPolicyPeer::ipBlock).filter(b -> b != null)
                .map(b -> b.cidr()).filter(c -> c.base().isV4() == (version == 4)).distinct().sorted().toList();
        return nets.isEmpty() ? null : new CalicoEntityRule(null, null, null, null, nets, null, null, null);
    }

    private static void addEvidence(Map<CalicoRule, List<Edge>> rules, PolicyType direction, List<RuleEvidence> evidence) {
        int i = 0;
        for (List<Edge> edges : rules.values()) {
            evidence.add(new RuleEvidence(null, NAME, direction, i++, edges.stream().sorted().distinct().toList()));
        }
    }

    private static String text(Edge edge) {
        return Protocol.name(edge.protocol()) + (edge.port() > 0 ? " port " + edge.port() : "");
    }
}
