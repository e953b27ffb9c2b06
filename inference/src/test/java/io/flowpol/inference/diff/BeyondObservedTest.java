package io.flowpol.inference.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.synthesize.PolicySynthesizer;
import io.flowpol.inference.synthesize.SynthesisOptions;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import io.flowpol.inference.timeline.AddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.NodeSpan;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 18 item 3: what a generated set allows beyond the observed edges, exceptions apart from surprises. */
class BeyondObservedTest {
    private static final long T0 = 1_796_032_800_000L;
    private static final long HOUR = 3_600_000L;
    private static final WorkloadId FRONTEND = new WorkloadId("shop", "Deployment", "frontend");
    private static final WorkloadId BACKEND = new WorkloadId("shop", "Deployment", "backend");
    private static final WorkloadId DB = new WorkloadId("data", "StatefulSet", "db");
    private static final WorkloadId COREDNS = new WorkloadId("kube-system", "Deployment", "coredns");
    private static final IpAddress GATEWAY = IpAddress.parse("198.51.100.23");

    private final ClusterTimeline cluster = cluster();
    private final List<Edge> observed = List.of(
            edge(Peer.workload(FRONTEND), Peer.workload(BACKEND), Protocol.TCP, 9090),
            edge(Peer.workload(BACKEND), Peer.workload(DB), Protocol.TCP, 5432),
            edge(Peer.workload(FRONTEND), Peer.workload(COREDNS), Protocol.UDP, 53),
            edge(Peer.workload(FRONTEND), Peer.workload(COREDNS), Protocol.TCP, 53),
            edge(Peer.workload(BACKEND), Peer.workload(COREDNS), Protocol.UDP, 53),
            edge(Peer.vpcAddress(IpAddress.parse("10.0.3.7")), Peer.workload(FRONTEND), Protocol.TCP, 8080));
    private final SnatEgress snat = new SnatEgress("n1", GATEWAY, Protocol.TCP, 443,
            observed.get(0).evidence(), List.of(FRONTEND, BACKEND));
    private final SynthesizedPolicies generated = new PolicySynthesizer(SynthesisOptions.defaults())
            .synthesize(new InferenceResult(observed, List.of(), List.of(snat), null, List.of()), cluster);

    @Test
    void theGeneratedSetAllowsNothingUnexpectedAndLabelsDnsAndSnatCandidates() {
        List<BeyondObserved> rows = beyond(generated.policies());

        assertEquals(List.of(), rows.stream().filter(r -> !r.isExpected()).map(r -> r.reachability().summary()).toList(),
                "flowpol's rules are exact between observed ends");
        BeyondObserved gateway = only(rows, FRONTEND, "198.51.100.23/32");
        assertEquals(BeyondObserved.SNAT, gateway.expected());
        assertEquals(PeerKind.INTERNET, gateway.reachability().kind());
        assertEquals("1 address x 1 port", gateway.reachability().sizeText());
        assertEquals(BeyondObserved.SNAT, only(rows, BACKEND, "198.51.100.23/32").expected());
        // backend resolved names over UDP only: TCP 53 is the default deny's DNS exception
        BeyondObserved dns = only(rows, BACKEND, "namespace kube-system: coredns");
        assertEquals(BeyondObserved.DNS, dns.expected());
        assertEquals("TCP 53", dns.reachability().newlyAllowed().toString());
        // db never resolved a name: both DNS ports are beyond what was seen
        assertEquals("TCP 53,UDP 53", only(rows, DB, "namespace kube-system: coredns").reachability().newlyAllowed().toString());
        assertTrue(rows.stream().noneMatch(r -> r.reachability().workload().equals(FRONTEND)
                && r.reachability().peerText().contains("coredns")), "frontend used both DNS ports");
        assertTrue(rows.stream().noneMatch(r -> r.reachability().workload().equals(COREDNS)),
                "kube-system has no generated policy: it stays open, which is not the set's doing");
    }

    @Test
    void aDeliberatelyWidenedRuleIsASurpriseSizedByWhatItAdds() {
        NetworkPolicy widened = new NetworkPolicy("data", "widened", Map.of(), Map.of(),
                LabelSelector.of(Map.of("app", "db")), List.of(PolicyType.INGRESS),
                List.of(new NetworkPolicyRule(List.of(new NetworkPolicyPeer(null, null,
                        new IpBlock(Cidr.parse("10.0.0.0/16"), List.of()))),
                        List.of(NetworkPolicyPort.number(Protocol.TCP, 5432)))), List.of());
        List<NetworkPolicy> policies = new ArrayList<>(generated.policies().networkPolicies());
        policies.add(widened);
        List<BeyondObserved> rows = beyond(new PolicySet(policies, generated.policies().calicoPolicies()));

        List<BeyondObserved> surprises = rows.stream().filter(r -> !r.isExpected()).toList();
        assertEquals(2, surprises.size(), () -> surprises.toString());
        NewReachability row = surprises.get(0).reachability();
        assertNull(surprises.get(0).expected());
        assertEquals(DB, row.workload());
        assertEquals(PolicyType.INGRESS, row.direction());
        assertEquals("10.0.0.0/16", row.peerText());
        assertEquals("TCP 5432", row.newlyAllowed().toString());
        // riskiest kind first: the node's address inside the block; every address gains the port
        assertEquals(PeerKind.NODE, row.kind());
        assertEquals(List.of(PeerKind.NODE, PeerKind.VPC), row.kinds());
        assertEquals("65536 addresses x 1 port", row.sizeText());
        // the block holds coredns's pod too, and kube-system's egress is open: one more workload reaches db
        NewReachability pods = surprises.get(1).reachability();
        assertEquals("namespace kube-system: coredns", pods.peerText());
        assertEquals(PolicyType.INGRESS, pods.direction());
        assertEquals("1 workload x 1 port", pods.sizeText());
    }

    private List<BeyondObserved> beyond(PolicySet set) {
        Set<String> isolated = new HashSet<>();
        set.networkPolicies().forEach(p -> isolated.add(p.namespace()));
        NewReachabilityFinder finder = new NewReachabilityFinder(new EndpointCatalog(cluster),
                List.of(IpAddress.parse("10.0.1.10")), List.of(), List.of(Cidr.parse("10.0.0.0/8")));
        List<NewReachability> rows = finder.beyondObserved(set, new PolicyEngine(set, new CalicoPolicyMatcher()),
                observed, id -> isolated.contains(id.namespace()));
        return new ExpectedReachability(List.of(snat), observed, List.of(IpAddress.parse("10.0.0.50"))).classify(rows);
    }

    private static BeyondObserved only(List<BeyondObserved> rows, WorkloadId owner, String peer) {
        List<BeyondObserved> found = rows.stream().filter(r -> r.reachability().workload().equals(owner)
                && r.reachability().peerText().equals(peer)).toList();
        assertEquals(1, found.size(), () -> owner + " " + peer + " in " + rows);
        return found.get(0);
    }

    private static Edge edge(Peer client, Peer server, int protocol, int port) {
        Evidence evidence = new Evidence(5, 50, 5000, T0, T0 + HOUR, Set.of(DirectionProof.TCP_FLAGS));
        return new Edge(client, server, protocol, port, null, evidence);
    }

    private static ClusterTimeline cluster() {
        List<Workload> workloads = List.of(
                new Workload(FRONTEND, LabelSelector.of(Map.of("app", "frontend")), Map.of("app", "frontend")),
                new Workload(BACKEND, LabelSelector.of(Map.of("app", "backend")), Map.of("app", "backend")),
                new Workload(DB, LabelSelector.of(Map.of("app", "db")), Map.of("app", "db")),
                new Workload(COREDNS, LabelSelector.of(Map.of("k8s-app", "kube-dns")), Map.of("k8s-app", "kube-dns")));
        List<PodSpan> pods = List.of(
                pod(FRONTEND, "frontend-1", "10.0.1.21", Map.of("app", "frontend"), new ContainerPort("web", 8080, Protocol.TCP)),
                pod(BACKEND, "backend-1", "10.0.2.31", Map.of("app", "backend"), new ContainerPort("http", 9090, Protocol.TCP)),
                pod(DB, "db-0", "10.0.2.41", Map.of("app", "db"), new ContainerPort("pg", 5432, Protocol.TCP)),
                pod(COREDNS, "coredns-1", "10.0.2.53", Map.of("k8s-app", "kube-dns"), new ContainerPort("dns", 53, Protocol.UDP)));
        List<NamespaceInfo> namespaces = List.of("shop", "data", "kube-system").stream()
                .map(n -> new NamespaceInfo(n, Map.of("kubernetes.io/metadata.name", n))).toList();
        NodeSpan node = new NodeSpan("n1", List.of(IpAddress.parse("10.0.1.10")), Map.of(), "linux", T0 - HOUR, Long.MAX_VALUE);
        return new ClusterTimeline(namespaces, List.of(node), pods, workloads, List.of(),
                List.of(new AddressSpan(IpAddress.parse("10.0.0.50"), 443, T0 - HOUR, Long.MAX_VALUE)), T0 - HOUR, T0 + 2 * HOUR);
    }

    private static PodSpan pod(WorkloadId id, String name, String ip, Map<String, String> labels, ContainerPort port) {
        return new PodSpan("uid-" + name, id.namespace(), name, id, "n1", List.of(IpAddress.parse(ip)), false,
                labels, List.of(port), "default", "linux", T0 - HOUR, Long.MAX_VALUE);
    }
}
