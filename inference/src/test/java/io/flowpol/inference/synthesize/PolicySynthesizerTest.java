package io.flowpol.inference.synthesize;

import static io.flowpol.inference.synthesize.Fixtures.BACKEND;
import static io.flowpol.inference.synthesize.Fixtures.COREDNS;
import static io.flowpol.inference.synthesize.Fixtures.DB;
import static io.flowpol.inference.synthesize.Fixtures.FRONTEND;
import static io.flowpol.inference.synthesize.Fixtures.edge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
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
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolicySynthesizerTest {

    private static SynthesizedPolicies synthesize(ClusterTimeline cluster, Edge... edges) {
        return synthesize(SynthesisOptions.defaults(), cluster, edges);
    }

    private static SynthesizedPolicies synthesize(SynthesisOptions options, ClusterTimeline cluster, Edge... edges) {
        InferenceResult result = new InferenceResult(List.of(edges), List.of(), List.of(), null, List.of());
        return new PolicySynthesizer(options).synthesize(result, cluster);
    }

    private static NetworkPolicy policy(SynthesizedPolicies out, String namespace, String name) {
        return out.policies().networkPolicies().stream()
                .filter(p -> p.namespace().equals(namespace) && p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no policy " + namespace + "/" + name + " in "
                        + out.policies().networkPolicies().stream().map(p -> p.namespace() + "/" + p.name()).toList()));
    }

    private static NetworkPolicyPeer selectorPeer(String namespace, String app) {
        return new NetworkPolicyPeer(LabelSelector.of(Map.of("app", app)),
                LabelSelector.of(Map.of("kubernetes.io/metadata.name", namespace)), null);
    }

    @Test
    void snatHiddenEgressIsAllowedForEveryCandidateOrOnlyReported() {
        Edge seen = edge(FRONTEND, BACKEND, 9090);
        IpAddress api = IpAddress.parse("198.51.100.23");
        SnatEgress snat = new SnatEgress("n1", api, Protocol.TCP, 443, seen.evidence(), List.of(FRONTEND, BACKEND, COREDNS));
        InferenceResult result = new InferenceResult(List.of(seen), List.of(), List.of(snat), null, List.of());
        NetworkPolicyPeer apiPeer = new NetworkPolicyPeer(null, null, new IpBlock(Cidr.parse("198.51.100.23/32"), List.of()));

        SynthesizedPolicies allowed = new PolicySynthesizer(SynthesisOptions.defaults()).synthesize(result, new Fixtures().cluster());
        for (var id : List.of(FRONTEND, BACKEND)) {
            assertTrue(policy(allowed, id.namespace(), id.name()).egress().stream().anyMatch(r -> r.peers().contains(apiPeer)),
                    "candidate " + id + " may reach the SNAT-hidden destination");
        }
        assertTrue(allowed.findings().stream().anyMatch(f -> f.code().equals("snat-candidates")));
        assertTrue(allowed.policies().networkPolicies().stream().noneMatch(p -> p.namespace().equals("kube-system")),
                "an excluded namespace's candidate gets no policy");

        SynthesizedPolicies reported = new PolicySynthesizer(new SynthesisOptions(1, 32, 128, SynthesisOptions.DEFAULT_EXCLUDED,
                SnatEgressMode.REPORT_ONLY)).synthesize(result, new Fixtures().cluster());
        assertTrue(reported.policies().networkPolicies().stream().flatMap(p -> p.egress().stream())
                .noneMatch(r -> r.peers().contains(apiPeer)), "report-only adds no rule");
    }

    @Test
    void sameNamespaceClientStillGetsNamespaceSelector() {
        SynthesizedPolicies out = synthesize(new Fixtures().cluster(), edge(FRONTEND, BACKEND, 9090));

        NetworkPolicy backend = policy(out, "shop", "backend");
        assertEquals(LabelSelector.of(Map.of("app", "backend")), backend.podSelector());
        assertEquals(List.of(PolicyType.INGRESS, PolicyType.EGRESS), backend.policyTypes());
        assertEquals(List.of(selectorPeer("shop", "frontend")), backend.ingress().get(0).peers());
        assertTrue(backend.egress().isEmpty(), "backend was never seen as a client");
        assertEquals(List.of(selectorPeer("shop", "backend")), policy(out, "shop", "frontend").egress().get(0).peers());
        assertEquals(Map.of("app.kubernetes.io/managed-by", "flowpol"), backend.labels());
    }

    @Test
    void namedPortUsedWhenEveryPodDeclaresIt() {
        SynthesizedPolicies out = synthesize(new Fixtures().cluster(), edge(FRONTEND, BACKEND, 9090));

        assertEquals(List.of(NetworkPolicyPort.named(Protocol.TCP, "http")),
                policy(out, "shop", "backend").ingress().get(0).ports());
        assertEquals(List.of(NetworkPolicyPort.named(Protocol.TCP, "http")),
                policy(out, "shop", "frontend").egress().get(0).ports());
    }

    @Test
    void numberUsedWhenOnePodDeclaresThePortUnnamedOrNotAtAll() {
        Fixtures unnamed = new Fixtures().pod(BACKEND, "backend-3", "10.0.2.33", new ContainerPort(null, 9090, Protocol.TCP));
        Fixtures renamed = new Fixtures().pod(BACKEND, "backend-3", "10.0.2.33", new ContainerPort("api", 9090, Protocol.TCP));
        Fixtures missing = new Fixtures().pod(BACKEND, "backend-3", "10.0.2.33");

        for (Fixtures fixture : List.of(unnamed, renamed, missing)) {
            SynthesizedPolicies out = synthesize(fixture.cluster(), edge(FRONTEND, BACKEND, 9090));
            assertEquals(List.of(NetworkPolicyPort.number(Protocol.TCP, 9090)),
                    policy(out, "shop", "backend").ingress().get(0).ports());
        }
    }

    @Test
    void edgeBelowMinConnectionsIsLeftOutAndListed() {
        Edge rare = edge(Peer.workload(FRONTEND), Peer.workload(DB), 5432, 2);
        Edge common = edge(Peer.workload(BACKEND), Peer.workload(DB), 5432, 3);
        SynthesisOptions options = new SynthesisOptions(3, 32, 128, SynthesisOptions.DEFAULT_EXCLUDED);

        SynthesizedPolicies out = synthesize(options, new Fixtures().cluster(), rare, common);

        assertEquals(List.of(rare), out.leftOut());
        List<NetworkPolicyRule> ingress = policy(out, "data", "db").ingress();
        assertEquals(List.of(List.of(selectorPeer("shop", "backend"))), ingress.stream().map(NetworkPolicyRule::peers).toList());
        assertTrue(out.policies().networkPolicies().stream().noneMatch(p -> p.name().equals("frontend")),
                "frontend's only edge was too rare to earn it a policy");
    }

    @Test
    void nodeClientBecomesIpBlockSlash32() {
        Edge fromNode = edge(Peer.node("n1", Fixtures.NODE_IP), Peer.workload(BACKEND), 9090, 4);

        SynthesizedPolicies out = synthesize(new Fixtures().cluster(), fromNode);

        NetworkPolicyPeer peer = policy(out, "shop", "backend").ingress().get(0).peers().get(0);
        assertEquals(new IpBlock(Cidr.parse("10.0.1.10/32"), List.of()), peer.ipBlock());
        assertNull(peer.podSelector());
    }

    @Test
    void externalPeersWidenedToOnePrefixShareOneRule() {
        Edge a = edge(Peer.workload(BACKEND), Peer.external(IpAddress.parse("203.0.113.7")), 443, 5);
        Edge b = edge(Peer.workload(BACKEND), Peer.external(IpAddress.parse("203.0.113.200")), 443, 5);
        Edge v6 = edge(Peer.workload(BACKEND), Peer.external(IpAddress.parse("2001:db8::1")), 443, 5);
        SynthesisOptions options = new SynthesisOptions(1, 24, 128, SynthesisOptions.DEFAULT_EXCLUDED);

        SynthesizedPolicies out = synthesize(options, new Fixtures().cluster(), a, b, v6);

        List<NetworkPolicyRule> egress = policy(out, "shop", "backend").egress();
        assertEquals(2, egress.size());
        assertEquals(Cidr.parse("203.0.113.0/24"), egress.get(0).peers().get(0).ipBlock().cidr());
        assertEquals(List.of(NetworkPolicyPort.number(Protocol.TCP, 443)), egress.get(0).ports());
        assertEquals(Cidr.parse("2001:db8::1/128"), egress.get(1).peers().get(0).ipBlock().cidr());
        assertEquals(2, out.evidenceFor("shop", "backend", PolicyType.EGRESS, 0).orElseThrow().edges().size());
    }

    @Test
    void portsOfOnePeerAreGroupedIntoOneSortedRule() {
        SynthesizedPolicies out = synthesize(new Fixtures().cluster(),
                edge(FRONTEND, DB, 6432), edge(FRONTEND, DB, 5432), edge(BACKEND, DB, 5432));

        List<NetworkPolicyRule> ingress = policy(out, "data", "db").ingress();
        assertEquals(List.of(selectorPeer("shop", "backend")), ingress.get(0).peers());
        assertEquals(List.of(selectorPeer("shop", "frontend")), ingress.get(1).peers());
        assertEquals(List.of(NetworkPolicyPort.named(Protocol.TCP, "pg"), NetworkPolicyPort.number(Protocol.TCP, 6432)),
                ingress.get(1).ports());
        assertEquals(10, out.evidenceFor("data", "db", PolicyType.INGRESS, 1).orElseThrow().connections());
    }

    @Test
    void excludedNamespaceGetsNoPolicyButEgressToItIsAllowed() {
        Edge dns = new Edge(Peer.workload(FRONTEND), Peer.workload(COREDNS), Protocol.UDP, 53, null,
                edge(FRONTEND, BACKEND, 1).evidence());

        SynthesizedPolicies out = synthesize(new Fixtures().cluster(), dns);

        assertFalse(out.policies().networkPolicies().stream().anyMatch(p -> p.namespace().equals("kube-system")));
        NetworkPolicyRule egress = policy(out, "shop", "frontend").egress().get(0);
        assertEquals(new NetworkPolicyPeer(LabelSelector.of(Map.of("k8s-app", "kube-dns")),
                LabelSelector.of(Map.of("kubernetes.io/metadata.name", "kube-system")), null), egress.peers().get(0));
        assertEquals(List.of(NetworkPolicyPort.number(Protocol.UDP, 53)), egress.ports());
    }

    @Test
    void everyNamespaceWithAPolicyGetsDefaultDenyThatAllowsOnlyDns() {
        SynthesizedPolicies out = synthesize(new Fixtures().cluster(), edge(BACKEND, DB, 5432));

        for (String ns : List.of("shop", "data")) {
            NetworkPolicy deny = policy(out, ns, "default-deny");
            assertTrue(deny.podSelector().isEmpty());
            assertTrue(deny.ingress().isEmpty());
            assertEquals(1, deny.egress().size());
            assertEquals(List.of(NetworkPolicyPort.number(Protocol.TCP, 53), NetworkPolicyPort.number(Protocol.UDP, 53)),
                    deny.egress().get(0).ports().stream().sorted(PolicyOrder.PORTS).toList());
        }
        assertEquals(4, out.policies().networkPolicies().size());
    }

    @Test
    void attemptsNeverBecomeRules() {
        InferenceResult result = new InferenceResult(List.of(edge(FRONTEND, BACKEND, 9090)),
                List.of(edge(FRONTEND, DB, 5432)), List.of(), null, List.of());

        SynthesizedPolicies out = new PolicySynthesizer(SynthesisOptions.defaults()).synthesize(result, new Fixtures().cluster());

        assertTrue(out.policies().networkPolicies().stream().noneMatch(p -> p.namespace().equals("data")));
        assertEquals(1, policy(out, "shop", "frontend").egress().size());
    }

    @Test
    void workloadsSharingANameAreKindPrefixed() {
        WorkloadId dbDeployment = new WorkloadId("data", "Deployment", "db");
        Fixtures fixtures = new Fixtures().workload(dbDeployment, "db-cache");

        SynthesizedPolicies out = synthesize(fixtures.cluster(), edge(BACKEND, DB, 5432), edge(BACKEND, dbDeployment, 6379));

        policy(out, "data", "statefulset-db");
        assertEquals(LabelSelector.of(Map.of("app", "db-cache")), policy(out, "data", "deployment-db").podSelector());
    }

    @Test
    void deterministicWhenSynthesizedTwiceOrFromShuffledInput() {
        List<Edge> edges = new ArrayList<>(List.of(edge(FRONTEND, BACKEND, 9090), edge(BACKEND, DB, 5432),
                edge(FRONTEND, DB, 5432), edge(Peer.node("n1", Fixtures.NODE_IP), Peer.workload(BACKEND), 9090, 3),
                edge(Peer.workload(BACKEND), Peer.apiServer(Fixtures.API_IP), 443, 7),
                edge(Peer.workload(FRONTEND), Peer.external(IpAddress.parse("198.51.100.4")), 443, 2)));
        SynthesizedPolicies first = synthesize(new Fixtures().cluster(), edges.toArray(Edge[]::new));
        Collections.shuffle(edges, new Random(42));
        SynthesizedPolicies shuffled = synthesize(new Fixtures().cluster(), edges.toArray(Edge[]::new));

        assertEquals(first, shuffled);
        assertEquals(first, synthesize(new Fixtures().cluster(), edges.toArray(Edge[]::new)));
    }

    /** Inference reports windows-node (FlowInferenceTest); a second, synthesis copy doubled it in the report (issue 12). */
    @Test
    void windowsNodeFindingIsLeftToInference() {
        Fixtures fixtures = new Fixtures();
        ClusterTimeline linux = fixtures.cluster();
        ClusterTimeline windows = new ClusterTimeline(linux.namespaces(), List.of(new io.flowpol.inference.timeline.NodeSpan(
                "n1", List.of(Fixtures.NODE_IP), Map.of(), "windows", 0, Long.MAX_VALUE)), linux.pods(), linux.workloads(),
                linux.services(), linux.apiServer(), linux.start(), linux.end());

        assertTrue(synthesize(linux, edge(FRONTEND, BACKEND, 9090)).findings().stream()
                .noneMatch(f -> f.code().equals("windows-node")));
        assertTrue(synthesize(windows, edge(FRONTEND, BACKEND, 9090)).findings().stream()
                .noneMatch(f -> f.code().equals("windows-node")));
    }

    @Test
    void apiServerPeerIsEveryEndpointAddressOfTheWindow() {
        Fixtures fixtures = new Fixtures();
        ClusterTimeline base = fixtures.cluster();
        List<io.flowpol.inference.timeline.AddressSpan> endpoints = List.of(base.apiServer().get(0),
                new io.flowpol.inference.timeline.AddressSpan(IpAddress.parse("10.0.0.60"), 443, 0, Fixtures.T0));
        ClusterTimeline cluster = new ClusterTimeline(base.namespaces(), base.nodes(), base.pods(), base.workloads(),
                base.services(), endpoints, base.start(), base.end());
        Edge webhook = edge(Peer.apiServer(Fixtures.API_IP), Peer.workload(BACKEND), 9443, 3);

        SynthesizedPolicies out = synthesize(cluster, webhook);

        assertEquals(List.of(Cidr.parse("10.0.0.50/32"), Cidr.parse("10.0.0.60/32")),
                policy(out, "shop", "backend").ingress().get(0).peers().stream().map(p -> p.ipBlock().cidr()).toList());
    }

    @Test
    void ipv6NodeClientBecomesIpBlockSlash128() {
        Edge fromNode = edge(Peer.node("n6", IpAddress.parse("2600:1f14::a")), Peer.workload(BACKEND), 9090, 4);

        SynthesizedPolicies out = synthesize(new Fixtures().cluster(), fromNode);

        assertEquals(Cidr.parse("2600:1f14::a/128"), policy(out, "shop", "backend").ingress().get(0).peers().get(0).ipBlock().cidr());
    }

    @Test
    void workloadWithoutSelectorGetsNoPolicyAndIsReported() {
        WorkloadId ghost = new WorkloadId("ghost", "Pod", "lonely");

        SynthesizedPolicies out = synthesize(new Fixtures().cluster(), edge(ghost, BACKEND, 9090));

        assertTrue(out.policies().networkPolicies().stream().noneMatch(p -> p.namespace().equals("ghost")),
                "no policy and no default deny for a namespace whose workload cannot be selected");
        assertTrue(out.findings().stream().anyMatch(f -> f.code().equals("unknown-workload")));
        assertTrue(out.findings().stream().anyMatch(f -> f.code().equals("unselectable-peer")),
                "backend's ingress from it cannot be expressed either");
    }
}
