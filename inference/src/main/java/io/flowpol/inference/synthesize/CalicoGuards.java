package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPolicy.CalicoKind;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.AddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The cluster-wide guards of the seed practices (DESIGN.md), as Calico GlobalNetworkPolicies
 * in the default tier, ordered before the Kubernetes policies (which Calico places at order
 * 1000): kubelet port 100, metadata 110, API server allow 200 then deny 210.
 *
 * <p>They select only the pods of namespaces that get a flowpol default deny, not every pod:
 * Calico drops a packet at the end of a tier when a policy of that tier selects the endpoint
 * but none decides (Calico docs, Tier resource, "How policy is evaluated"). A Deny-only
 * policy selecting all pods in the default tier would therefore drop all other egress
 * (DNS included) of every pod that no NetworkPolicy allows, e.g. in namespaces flowpol
 * never saw. In a default-denied namespace that is already the case, so the guards change
 * nothing there except that they still hold if a later NetworkPolicy allows too much.
 *
 * <p>The kubelet deny matches TCP 10250 to <em>any</em> address, not to the recorded node
 * addresses: nodes come and go (autoscaling), and a list of node IPs would leave every new
 * node's kubelet open. Workloads observed connecting to port 10250 (metrics scrapers) are
 * exempt, so the rule denies only what the window never saw (DESIGN.md safety invariant). The
 * metadata deny exempts the same way the workloads observed reaching 169.254.169.254: flow logs
 * should never show that traffic (DESIGN.md fact 5), but when a window does (an issue 12 fuzz
 * finding: the deny then broke the observed edge and generate exited 3), the safety invariant
 * wins and the exemption is reported.
 */
final class CalicoGuards {
    static final double KUBELET_ORDER = 100;
    static final double METADATA_ORDER = 110;
    static final double APISERVER_ALLOW_ORDER = 200;
    static final double APISERVER_DENY_ORDER = 210;
    static final int KUBELET_PORT = 10250;
    static final List<Cidr> METADATA = List.of(Cidr.parse("169.254.169.254/32"), Cidr.parse("fd00:ec2::254/128"));

    private final PeerMapper mapper;
    private final SynthesisOptions options;
    private final ClusterTimeline cluster;
    private final SynthesisFindings findings;

    CalicoGuards(PeerMapper mapper, SynthesisOptions options, ClusterTimeline cluster, SynthesisFindings findings) {
        this.mapper = mapper;
        this.options = options;
        this.cluster = cluster;
        this.findings = findings;
    }

    /** The guards for the pods of {@code namespaces} (those with a default deny); none when empty. */
    List<CalicoPolicy> build(List<Edge> edges, SortedSet<String> namespaces, List<RuleEvidence> evidence) {
        List<CalicoPolicy> out = new ArrayList<>();
        if (namespaces.isEmpty()) {
            return out;
        }
        out.add(denyKubelet(edges, namespaces));
        out.add(denyMetadata(edges, namespaces));
        findings.add(Finding.Severity.INFO, "metadata-denied", "flowpol-deny-metadata blocks the instance metadata"
                + " service for pods in " + namespaces + "; flow logs never show that traffic (DESIGN.md fact 5),"
                + " so check that no such pod relies on node credentials (use IRSA or Pod Identity)");
        findings.add(Finding.Severity.INFO, "guard-scope", "the Calico guards (kubelet, metadata, API server) select"
                + " only pods in " + namespaces + ", the namespaces with a flowpol default deny: a deny-only policy"
                + " over every pod would drop all other egress of pods no NetworkPolicy allows (Calico end-of-tier drop)");
        apiServerPair(edges, namespaces, out, evidence);
        return out;
    }

    private CalicoPolicy denyKubelet(List<Edge> edges, SortedSet<String> namespaces) {
        List<WorkloadId> users = clients(edges, e -> e.protocol() == Protocol.TCP && e.port() == KUBELET_PORT);
        String exempt = CalicoSelectors.anyOf(users, this::selectorOf);
        CalicoRule deny = new CalicoRule(CalicoAction.DENY, "TCP", null, null, null,
                new CalicoEntityRule(null, null, null, null, null, null, List.of(CalicoPort.of(KUBELET_PORT)), null));
        return global("flowpol-deny-kubelet", KUBELET_ORDER,
                CalicoSelectors.podsIn(namespaces, exempt), List.of(deny));
    }

    private CalicoPolicy denyMetadata(List<Edge> edges, SortedSet<String> namespaces) {
        List<WorkloadId> users = clients(edges, e -> e.server().ip() != null
                && METADATA.stream().anyMatch(c -> c.contains(e.server().ip())));
        if (!users.isEmpty()) {
            findings.add(Finding.Severity.WARNING, "metadata-observed", users + " reached the instance metadata service"
                    + " in this window, although flow logs do not show that traffic (DESIGN.md fact 5): they are exempt"
                    + " from flowpol-deny-metadata; check those records before applying");
        }
        return global("flowpol-deny-metadata", METADATA_ORDER,
                CalicoSelectors.podsIn(namespaces, CalicoSelectors.anyOf(users, this::selectorOf)),
                perFamily(CalicoAction.DENY, null, METADATA, List.of()));
    }

    private void apiServerPair(List<Edge> edges, SortedSet<String> namespaces, List<CalicoPolicy> out,
                               List<RuleEvidence> evidence) {
        TreeSet<Cidr> addresses = new TreeSet<>(mapper.apiServerBlocks());
        TreeSet<Integer> ports = new TreeSet<>();
        cluster.apiServer().stream().mapToInt(AddressSpan::port).filter(p -> p > 0).forEach(ports::add);
        List<Edge> used = edges.stream().filter(e -> e.server().kind() == Peer.Kind.API_SERVER
                && e.client().kind() == Peer.Kind.WORKLOAD && !options.excluded(e.client().workload().namespace())
                && e.protocol() == Protocol.TCP).sorted().toList();
        for (Edge e : used) {
            ports.add(e.port());
            if (e.server().ip() != null) {
                addresses.add(Cidr.host(e.server().ip()));
            }
        }
        if (addresses.isEmpty()) {
            findings.add(Finding.Severity.WARNING, "no-apiserver-endpoints", "the recording lists no default/kubernetes"
                    + " endpoints, so no policy keeps pods off the API server (DESIGN.md fact 10)");
            return;
        }
        List<Cidr> nets = List.copyOf(addresses);
        String allowed = CalicoSelectors.anyOf(clients(used, e -> true), this::selectorOf);
        if (allowed != null && !ports.isEmpty()) {
            List<CalicoPort> calicoPorts = ports.stream().map(CalicoPort::of).toList();
            List<CalicoRule> rules = perFamily(CalicoAction.ALLOW, "TCP", nets, calicoPorts);
            out.add(global("flowpol-allow-apiserver", APISERVER_ALLOW_ORDER, allowed, rules));
            findings.add(Finding.Severity.INFO, "apiserver-addresses", "the API server is allowed by its endpoint"
                    + " addresses " + nets + "; EKS replaces them on control-plane updates, so generate again after one");
            for (int i = 0; i < rules.size(); i++) {
                evidence.add(new RuleEvidence(null, "flowpol-allow-apiserver", PolicyType.EGRESS, i, used));
            }
        }
        out.add(global("flowpol-deny-apiserver", APISERVER_DENY_ORDER,
                CalicoSelectors.podsIn(namespaces, null),
                perFamily(CalicoAction.DENY, null, nets, List.of())));
    }

    private List<WorkloadId> clients(List<Edge> edges, Predicate<Edge> which) {
        return edges.stream().filter(which).map(Edge::client).filter(p -> p.kind() == Peer.Kind.WORKLOAD)
                .map(Peer::workload).filter(w -> !options.excluded(w.namespace())).distinct().sorted().toList();
    }

    private LabelSelector selectorOf(WorkloadId id) {
        var workload = mapper.workload(id);
        return workload == null ? null : workload.selector();
    }

    /** Calico rejects a rule whose nets mix IPv4 and IPv6 (libcalico-go validator), so one rule per family. */
    private static List<CalicoRule> perFamily(CalicoAction action, String protocol, List<Cidr> nets, List<CalicoPort> ports) {
        List<CalicoRule> rules = new ArrayList<>();
        for (int version : new int[] {4, 6}) {
            List<Cidr> family = nets.stream().filter(c -> c.base().isV4() == (version == 4)).toList();
            if (!family.isEmpty()) {
                rules.add(new CalicoRule(action, protocol, null, version, null,
                        new CalicoEntityRule(null, null, null, null, family, null, ports, null)));
            }
        }
        return rules;
    }

    private static CalicoPolicy global(String name, double order, String selector, List<CalicoRule> egress) {
        return new CalicoPolicy(CalicoKind.GLOBAL_NETWORK_POLICY, null, name, "default", order, selector, null, null,
                List.of(PolicyType.EGRESS), List.of(), egress);
    }
}
