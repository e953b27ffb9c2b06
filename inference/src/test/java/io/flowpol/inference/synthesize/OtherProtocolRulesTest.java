package io.flowpol.inference.synthesize;

import static io.flowpol.inference.synthesize.Fixtures.BACKEND;
import static io.flowpol.inference.synthesize.Fixtures.COREDNS;
import static io.flowpol.inference.synthesize.Fixtures.DB;
import static io.flowpol.inference.synthesize.Fixtures.FRONTEND;
import static io.flowpol.inference.synthesize.Fixtures.HOUR;
import static io.flowpol.inference.synthesize.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.PodSpan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Protocols beyond NetworkPolicy (issue 12 item 5) and edges left out on purpose (item 6), replayed. */
class OtherProtocolRulesTest {
    private static final int GRE = 47;

    /** The fixtures' cluster with pods that carry their workload's labels, so that replay can select them. */
    private static ClusterTimeline cluster() {
        ClusterTimeline base = new Fixtures().cluster();
        List<PodSpan> pods = base.pods().stream().map(p -> new PodSpan(p.uid(), p.namespace(), p.name(), p.workload(),
                p.node(), p.ips(), p.hostNetwork(), Map.of("app", p.workload().name()), p.ports(), p.serviceAccount(),
                p.os(), p.from(), p.to())).toList();
        return new ClusterTimeline(base.namespaces(), base.nodes(), pods, base.workloads(), base.services(),
                base.apiServer(), base.start(), base.end());
    }

    private static Edge edge(Peer client, Peer server, int protocol, int port, long connections) {
        return new Edge(client, server, protocol, port, null, new Evidence(connections, connections * 4,
                connections * 336, T0, T0 + HOUR, Set.of(DirectionProof.FIRST_SEEN)));
    }

    private static Edge icmp(WorkloadId client, WorkloadId server) {
        return edge(Peer.workload(client), Peer.workload(server), Protocol.ICMP, 0, 3);
    }

    private static SynthesizedPolicies synthesize(int minConnections, Edge... edges) {
        InferenceResult result = new InferenceResult(List.of(edges), List.of(), List.of(), null, List.of());
        return new PolicySynthesizer(new SynthesisOptions(minConnections, 32, 128, SynthesisOptions.DEFAULT_EXCLUDED))
                .synthesize(result, cluster());
    }

    private static boolean allowed(SynthesizedPolicies out, Edge edge) {
        PolicyEngine engine = new PolicyEngine(out.policies(), new CalicoPolicyMatcher());
        return new EdgeReplay(engine, new EndpointCatalog(cluster())).replay(edge).allowed();
    }

    private static CalicoPolicy otherProtocols(SynthesizedPolicies out) {
        return out.policies().calicoPolicies().stream().filter(p -> p.name().equals(OtherProtocolRules.NAME))
                .findFirst().orElseThrow(() -> new AssertionError("no " + OtherProtocolRules.NAME));
    }

    @Test
    void icmpBetweenIsolatedWorkloadsIsAllowedByCalicoOneWayOnly() {
        Edge ping = icmp(FRONTEND, BACKEND);
        Edge web = Fixtures.edge(FRONTEND, BACKEND, 9090);

        SynthesizedPolicies out = synthesize(1, ping, web);

        assertTrue(allowed(out, ping), "the observed ping");
        assertTrue(allowed(out, web));
        assertFalse(allowed(out, icmp(BACKEND, FRONTEND)), "backend never pinged frontend");
        assertFalse(allowed(out, edge(Peer.workload(FRONTEND), Peer.workload(BACKEND), GRE, 0, 1)), "only ICMP was seen");
        assertEquals(List.of(new UnexpressibleEdge(ping, OtherProtocolRules.NAME)), out.unexpressible());
        assertEquals(List.of(ping, web), out.meantToAllow(List.of(ping, web)));
        CalicoPolicy calico = otherProtocols(out);
        assertTrue(calico.order() > CalicoGuards.METADATA_ORDER && calico.order() < CalicoGuards.APISERVER_ALLOW_ORDER);
        assertEquals("ICMP", calico.egress().get(0).protocol());
        assertTrue(out.policies().networkPolicies().stream().flatMap(p -> p.ingress().stream())
                .flatMap(r -> r.ports().stream()).allMatch(p -> p.protocol() == Protocol.TCP), "no NetworkPolicy rule for ICMP");
    }

    @Test
    void otherProtocolToAnAddressIsAllowedPerFamilyByNets() {
        Edge gre = edge(Peer.workload(BACKEND), Peer.external(IpAddress.parse("198.51.100.7")), GRE, 0, 2);

        SynthesizedPolicies out = synthesize(1, gre);

        assertTrue(allowed(out, gre));
        CalicoRule rule = otherProtocols(out).egress().get(0);
        assertEquals("47", rule.protocol());
        assertEquals(4, rule.ipVersion());
        assertEquals(List.of(Cidr.parse("198.51.100.7/32")), rule.destination().nets());
        assertTrue(otherProtocols(out).ingress().isEmpty());
    }

    @Test
    void whatCalicoCannotExpressIsListedAndNotMeantToBeAllowed() {
        Edge hopopt = edge(Peer.workload(FRONTEND), Peer.workload(DB), 0, 0, 5);
        Edge tcpWithoutPort = edge(Peer.workload(FRONTEND), Peer.workload(DB), Protocol.TCP, 0, 5);
        Edge web = Fixtures.edge(FRONTEND, BACKEND, 9090);

        SynthesizedPolicies out = synthesize(1, hopopt, tcpWithoutPort, web);

        assertEquals(2, out.unexpressible().size(), out.unexpressible().toString());
        assertTrue(out.unexpressible().stream().noneMatch(UnexpressibleEdge::allowedByCalico));
        assertEquals(List.of(web), out.meantToAllow(List.of(hopopt, tcpWithoutPort, web)));
        assertFalse(allowed(out, hopopt));
        assertTrue(out.findings().stream().anyMatch(f -> f.code().equals("not-expressible")));
        assertTrue(out.policies().calicoPolicies().stream().noneMatch(p -> p.name().equals(OtherProtocolRules.NAME)));
    }

    @Test
    void nothingIsNeededWhenNoEndIsIsolated() {
        Edge ping = edge(Peer.workload(COREDNS), Peer.node("n1", Fixtures.NODE_IP), Protocol.ICMP, 0, 1);

        SynthesizedPolicies out = synthesize(1, ping, Fixtures.edge(FRONTEND, BACKEND, 9090));

        assertTrue(out.unexpressible().isEmpty());
        assertTrue(allowed(out, ping), "kube-system gets no policy, so nothing blocks it");
    }

    @Test
    void edgesLeftOutForTooFewConnectionsAreNotMeantToBeAllowedAndTheRestReplayAllowed() {
        Edge rare = Fixtures.edge(Peer.workload(FRONTEND), Peer.workload(DB), 5432, 1);
        Edge common = Fixtures.edge(Peer.workload(BACKEND), Peer.workload(DB), 5432, 2);
        Edge rarePing = edge(Peer.workload(FRONTEND), Peer.workload(BACKEND), Protocol.ICMP, 0, 1);

        SynthesizedPolicies out = synthesize(2, rare, common, rarePing);

        List<Edge> meant = out.meantToAllow(List.of(rare, common, rarePing));
        assertEquals(List.of(common), meant);
        meant.forEach(e -> assertTrue(allowed(out, e), e.toString()));
        assertFalse(allowed(out, rare), "left out, so denied: the intended result");
        assertFalse(allowed(out, rarePing));
        assertNull(out.policies().calicoPolicies().stream().filter(p -> p.name().equals(OtherProtocolRules.NAME))
                .findFirst().orElse(null), "a rare ping earns no Calico rule either");
    }
}
