package io.flowpol.inference.synthesize;

import static io.flowpol.inference.synthesize.Fixtures.BACKEND;
import static io.flowpol.inference.synthesize.Fixtures.FRONTEND;
import static io.flowpol.inference.synthesize.Fixtures.edge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import io.flowpol.inference.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalicoGuardsTest {
    private static final String SHOP_PODS = "projectcalico.org/namespace in {'shop'}";

    private static List<CalicoPolicy> guards(Edge... edges) {
        InferenceResult result = new InferenceResult(List.of(edges), List.of(), List.of(), null, List.of());
        return new PolicySynthesizer(SynthesisOptions.defaults()).synthesize(result, new Fixtures().cluster())
                .policies().calicoPolicies();
    }

    private static CalicoPolicy named(List<CalicoPolicy> policies, String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void apiServerIsAllowedOnlyForObservedUsersBeforeItIsDeniedForEveryOtherPod() {
        List<CalicoPolicy> policies = guards(edge(Peer.workload(BACKEND), Peer.apiServer(Fixtures.API_IP), 443, 7),
                edge(FRONTEND, BACKEND, 9090));

        CalicoPolicy allow = named(policies, "flowpol-allow-apiserver");
        CalicoPolicy deny = named(policies, "flowpol-deny-apiserver");
        assertEquals("(projectcalico.org/namespace == 'shop' && app == 'backend')", allow.selector());
        CalicoRule rule = allow.egress().get(0);
        assertEquals(CalicoAction.ALLOW, rule.action());
        assertEquals(List.of(Cidr.parse("10.0.0.50/32")), rule.destination().nets());
        assertEquals(List.of(CalicoPort.of(443)), rule.destination().ports());
        assertEquals(SHOP_PODS, deny.selector());
        assertEquals(CalicoAction.DENY, deny.egress().get(0).action());
        assertTrue(allow.order() < deny.order() && deny.order() < 1000, "allow, then deny, then Kubernetes policies");
        assertEquals(List.of(PolicyType.EGRESS), deny.types());
    }

    @Test
    void kubeletDenyExemptsOnlyWorkloadsObservedOnPort10250() {
        List<CalicoPolicy> policies = guards(edge(Peer.workload(FRONTEND), Peer.node("n1", Fixtures.NODE_IP), 10250, 3));

        CalicoPolicy kubelet = named(policies, "flowpol-deny-kubelet");
        assertEquals(SHOP_PODS + " && !((projectcalico.org/namespace == 'shop' && app == 'frontend'))", kubelet.selector());
        assertEquals(List.of(CalicoPort.of(10250)), kubelet.egress().get(0).destination().ports());
        assertEquals("TCP", kubelet.egress().get(0).protocol());
        assertTrue(kubelet.egress().get(0).destination().nets().isEmpty(), "every address: nodes come and go");
    }

    /**
     * Fuzz finding (issue 12): flow logs that show a workload reaching 169.254.169.254 (DESIGN.md
     * fact 5 says they should not, but a hostNetwork-less proxy or edited export can) made the
     * generated set deny that observed edge, and generate exit 3. As for the kubelet, the deny
     * exempts exactly the workloads observed, and says so.
     */
    @Test
    void metadataDenyExemptsOnlyWorkloadsObservedReachingIt() {
        InferenceResult result = new InferenceResult(List.of(
                edge(Peer.workload(FRONTEND), Peer.external(IpAddress.parse("169.254.169.254")), 80, 2),
                edge(FRONTEND, BACKEND, 9090)), List.of(), List.of(), null, List.of());
        var synthesized = new PolicySynthesizer(SynthesisOptions.defaults()).synthesize(result, new Fixtures().cluster());

        CalicoPolicy metadata = named(synthesized.policies().calicoPolicies(), "flowpol-deny-metadata");
        assertEquals(SHOP_PODS + " && !((projectcalico.org/namespace == 'shop' && app == 'frontend'))", metadata.selector());
        assertTrue(synthesized.findings().stream().anyMatch(f -> f.code().equals("metadata-observed")
                && f.message().contains("shop/Deployment/frontend")), synthesized.findings().toString());
    }

    @Test
    void metadataDenyHasOneRulePerAddressFamily() {
        CalicoPolicy metadata = named(guards(edge(FRONTEND, BACKEND, 9090)), "flowpol-deny-metadata");

        assertEquals(List.of(List.of(Cidr.parse("169.254.169.254/32")), List.of(Cidr.parse("fd00:ec2::254/128"))),
                metadata.egress().stream().map(r -> r.destination().nets()).toList());
        assertEquals(List.of(4, 6), metadata.egress().stream().map(CalicoRule::ipVersion).toList());
    }

    @Test
    void guardsAreOrderedBeforeKubernetesPoliciesAndInTheDefaultTier() {
        List<CalicoPolicy> policies = guards(edge(FRONTEND, BACKEND, 9090));

        assertEquals(List.of("flowpol-deny-kubelet", "flowpol-deny-metadata", "flowpol-deny-apiserver"),
                policies.stream().map(CalicoPolicy::name).toList());
        for (CalicoPolicy p : policies) {
            assertEquals("default", p.tier());
            assertTrue(p.order() < 1000);
            assertTrue(p.kind().global());
        }
    }

    @Test
    void guardsSelectOnlyPodsOfDefaultDeniedNamespaces() {
        List<CalicoPolicy> policies = guards(edge(Peer.workload(BACKEND), Peer.workload(Fixtures.DB), 5432, 2));

        for (CalicoPolicy p : policies) {
            assertTrue(p.selector().startsWith("projectcalico.org/namespace in {'data', 'shop'}"), p.selector());
        }
    }

    @Test
    void noGuardsWithoutAnyDefaultDeniedNamespace() {
        assertEquals(List.of(), guards(edge(Peer.node("n1", Fixtures.NODE_IP), Peer.workload(Fixtures.COREDNS), 53, 4)));
    }
}
