package io.flowpol.inference.evaluate;

import static io.flowpol.inference.evaluate.Endpoints.app;
import static io.flowpol.inference.evaluate.Endpoints.external;
import static io.flowpol.inference.evaluate.Endpoints.pod;
import static io.flowpol.inference.evaluate.Endpoints.rule;
import static io.flowpol.inference.evaluate.Endpoints.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPolicy.CalicoKind;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
    private final EvalEndpoint web = pod("shop", "web", "10.0.1.2");
    private final EvalEndpoint api = pod("shop", "api", "10.0.1.1");
    private final EvalEndpoint db = pod("shop", "db", "10.0.1.3");
    /** api admits web on TCP 80 only. */
    private final NetworkPolicy apiFromWeb = Endpoints.ingress("shop", "api-in", app("api"),
            rule(List.of(new NetworkPolicyPeer(app("web"), null, null)), tcp(80)));

    private static PolicyEngine engine(NetworkPolicy... policies) {
        return new PolicyEngine(new PolicySet(List.of(policies), List.of()), null);
    }

    @Test
    void onlyPodsSelectedByAPolicyAreIsolated() {
        PolicyEngine engine = engine(apiFromWeb);

        assertFalse(engine.allows(Endpoints.tcp(db, api, 80)).allowed());
        assertTrue(engine.allows(Endpoints.tcp(api, db, 5432)).allowed());
        assertEquals("no policy selects the pod", engine.allows(Endpoints.tcp(api, db, 5432)).ingressDecision());
    }

    @Test
    void decisionsNameThePolicyAndTheRule() {
        Verdict allowed = engine(apiFromWeb).allows(Endpoints.tcp(web, api, 80));
        Verdict denied = engine(apiFromWeb).allows(Endpoints.tcp(web, api, 81));

        assertTrue(allowed.allowed());
        assertEquals("NetworkPolicy/shop/api-in ingress[0]", allowed.ingressDecision());
        assertFalse(denied.allowed());
        assertEquals("default deny: selected by NetworkPolicy/shop/api-in", denied.ingressDecision());
    }

    @Test
    void connectionNeedsTheSourceEgressAndTheDestinationIngress() {
        NetworkPolicy webOut = Endpoints.egress("shop", "web-out", app("web"),
                rule(List.of(new NetworkPolicyPeer(app("db"), null, null))));
        PolicyEngine engine = engine(apiFromWeb, webOut);

        Verdict toApi = engine.allows(Endpoints.tcp(web, api, 80));
        assertFalse(toApi.allowed(), "api admits web but web may not leave except to db");
        assertTrue(engine.allows(Endpoints.tcp(web, db, 5432)).allowed());
    }

    @Test
    void anEndThatIsNotAPodIsNotSubjectToPolicy() {
        NetworkPolicy denyAllEgress = Endpoints.egress("shop", "deny", app("web"));
        Verdict verdict = engine(denyAllEgress).allows(Endpoints.tcp(external("8.8.8.8"), web, 443));

        assertTrue(verdict.allowed());
        assertEquals("not a pod", verdict.egressDecision());
    }

    @Test
    void allowedConnectionsListsMergedPortRangesPerProtocol() {
        NetworkPolicy policy = Endpoints.ingress("shop", "api-in", app("api"), rule(List.of(),
                tcp(80), new NetworkPolicyPort(Protocol.TCP, 81, null, 90), NetworkPolicyPort.number(Protocol.UDP, 53)));
        PolicyEngine engine = engine(policy);

        ConnectionSet conns = engine.allowedConnections(web, api);
        assertEquals("TCP 80-90,UDP 53", conns.toString());
        assertTrue(engine.allowedConnections(api, web).isAll());
        assertTrue(engine(Endpoints.ingress("shop", "deny", app("api"))).allowedConnections(web, api).isEmpty());
    }

    @Test
    void calicoWithoutMatchingIsRejectedWhenTheSetHasCalicoPolicies() {
        PolicySet set = new PolicySet(List.of(), List.of(calico("gnp", "security", 1.0, List.of())));

        assertThrows(IllegalArgumentException.class, () -> new PolicyEngine(set, null));
    }

    @Test
    void passFallsThroughToTheKubernetesPoliciesOfTierDefault() {
        CalicoPolicy passAll = calico("pass-all", "security", 10.0, List.of(calicoRule(CalicoAction.PASS)));
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(apiFromWeb), List.of(passAll)), new TinyCalico());

        Verdict toPort80 = engine.allows(Endpoints.tcp(web, api, 80));
        Verdict toPort81 = engine.allows(Endpoints.tcp(web, api, 81));

        assertTrue(toPort80.allowed());
        assertEquals("NetworkPolicy/shop/api-in ingress[0]", toPort80.ingressDecision());
        assertFalse(toPort81.allowed());
    }

    @Test
    void denyInAnEarlierTierWinsOverAKubernetesAllow() {
        CalicoPolicy deny80 = calico("no-80", "security", 10.0, List.of(calicoRule(CalicoAction.DENY, 80)));
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(apiFromWeb), List.of(deny80)), new TinyCalico());

        Verdict verdict = engine.allows(Endpoints.tcp(web, api, 80));
        assertFalse(verdict.allowed());
        assertEquals("deny: GlobalNetworkPolicy/no-80 ingress[0]", verdict.ingressDecision());
    }

    @Test
    void tierThatSelectsButMatchesNothingDeniesWithoutReachingTierDefault() {
        CalicoPolicy only443 = calico("only-443", "security", 10.0, List.of(calicoRule(CalicoAction.ALLOW, 443)));
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(apiFromWeb), List.of(only443)), new TinyCalico());

        assertFalse(engine.allows(Endpoints.tcp(web, api, 80)).allowed());
        assertTrue(engine.allows(Endpoints.tcp(web, api, 443)).allowed());
    }

    @Test
    void logRuleGoesOnToTheNextRule() {
        CalicoPolicy logThenDeny = calico("log", "security", 10.0, List.of(calicoRule(CalicoAction.LOG), calicoRule(CalicoAction.DENY, 80)));
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(), List.of(logThenDeny)), new TinyCalico());

        assertEquals("deny: GlobalNetworkPolicy/log ingress[1]", engine.allows(Endpoints.tcp(web, api, 80)).ingressDecision());
    }

    @Test
    void lowerOrderDecidesFirstWithinATier() {
        CalicoPolicy allow = calico("b-allow", "security", 5.0, List.of(calicoRule(CalicoAction.ALLOW, 80)));
        CalicoPolicy deny = calico("a-deny", "security", 50.0, List.of(calicoRule(CalicoAction.DENY, 80)));
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(), List.of(deny, allow)), new TinyCalico());

        assertTrue(engine.allows(Endpoints.tcp(web, api, 80)).allowed());
    }

    @Test
    void nonDefaultTiersAreWalkedByNameBeforeTierDefault() {
        CalicoPolicy denyInB = calico("deny", "b-tier", 1.0, List.of(calicoRule(CalicoAction.DENY, 80)));
        CalicoPolicy allowInA = calico("allow", "a-tier", 1.0, List.of(calicoRule(CalicoAction.ALLOW, 80)));
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(), List.of(denyInB, allowInA)), new TinyCalico());

        assertEquals("GlobalNetworkPolicy/allow ingress[0]", engine.allows(Endpoints.tcp(web, api, 80)).ingressDecision());
    }

    @Test
    void calicoPolicyWithoutOrderComesAfterKubernetesPoliciesInTierDefault() {
        CalicoPolicy unordered = calico("deny-unordered", "default", null, List.of(calicoRule(CalicoAction.DENY, 80)));
        CalicoPolicy ordered = calico("deny-999", "default", 999.0, List.of(calicoRule(CalicoAction.DENY, 81)));
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(apiFromWeb), List.of(unordered, ordered)), new TinyCalico());

        assertTrue(engine.allows(Endpoints.tcp(web, api, 80)).allowed(), "the Kubernetes policy (order 1000) decides first");
        assertEquals("deny: GlobalNetworkPolicy/deny-999 ingress[0]", engine.allows(Endpoints.tcp(web, api, 81)).ingressDecision());
    }

    @Test
    void stagedPolicyChangesOnlyTheStagedVerdict() {
        CalicoPolicy staged = new CalicoPolicy(CalicoKind.STAGED_GLOBAL_NETWORK_POLICY, null, "staged-deny", "security",
                1.0, "all()", null, null, List.of(PolicyType.INGRESS), List.of(calicoRule(CalicoAction.DENY, 80)), List.of());
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(apiFromWeb), List.of(staged)), new TinyCalico());

        Verdict verdict = engine.allows(Endpoints.tcp(web, api, 80));
        assertTrue(verdict.allowed());
        assertFalse(verdict.stagedAllowed());
    }

    /**
     * The listing walks without building reasons and cuts ports only where the policies selecting
     * either end do: it must still agree, port by port, with the verdict that names its reasons.
     */
    @Test
    void theListingAgreesWithTheVerdictOnEveryPortThroughTiersPassAndDeny() {
        CalicoPolicy pass8080 = calico("pass-8080", "a-tier", 1.0, List.of(calicoRule(CalicoAction.PASS, 8080),
                calicoRule(CalicoAction.DENY, 81), calicoRule(CalicoAction.LOG), calicoRule(CalicoAction.ALLOW, 443)));
        NetworkPolicy dbFromApi = Endpoints.ingress("shop", "db-in", app("db"),
                rule(List.of(new NetworkPolicyPeer(app("api"), null, null)), new NetworkPolicyPort(Protocol.TCP, 5432, null, 5440)));
        NetworkPolicy webOut = Endpoints.egress("shop", "web-out", app("web"),
                rule(List.of(), tcp(80)), rule(List.of(), tcp(8080)), rule(List.of(), tcp(9000)));
        EvalEndpoint metrics = pod("shop", "metrics", "10.0.1.4", new ContainerPort("http-metrics", 9102, Protocol.TCP));
        NetworkPolicy metricsByName = Endpoints.ingress("shop", "metrics-in", app("metrics"),
                rule(List.of(), NetworkPolicyPort.named(Protocol.TCP, "http-metrics")));
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(apiFromWeb, dbFromApi, webOut, metricsByName),
                List.of(pass8080)), new TinyCalico());
        List<EvalEndpoint> ends = List.of(web, api, db, metrics, external("203.0.113.9"));

        for (EvalEndpoint from : ends) {
            for (EvalEndpoint to : ends) {
                PortSet listed = engine.allowedConnections(from, to).ports(Protocol.TCP);
                for (int port = 1; port <= 10_000; port++) {
                    assertEquals(engine.allows(Endpoints.tcp(from, to, port)).allowed(), listed.contains(port),
                            from.name() + " -> " + to.name() + " TCP " + port);
                }
            }
        }
    }

    private static CalicoPolicy calico(String name, String tier, Double order, List<CalicoRule> ingress) {
        return new CalicoPolicy(CalicoKind.GLOBAL_NETWORK_POLICY, null, name, tier, order, "all()", null, null,
                List.of(PolicyType.INGRESS), ingress, List.of());
    }

    private static CalicoRule calicoRule(CalicoAction action, int... ports) {
        List<CalicoPort> list = java.util.Arrays.stream(ports).mapToObj(CalicoPort::of).toList();
        CalicoEntityRule destination = new CalicoEntityRule(null, null, null, null, null, null, list, null);
        return new CalicoRule(action, ports.length == 0 ? null : "TCP", null, null, null, destination);
    }

    /** Just enough Calico for the tier walk: every policy selects every pod; rules match on destination port. */
    private static final class TinyCalico implements CalicoMatching {
        @Override
        public boolean selects(CalicoPolicy policy, EvalEndpoint endpoint) {
            return "all()".equals(policy.selector());
        }

        @Override
        public boolean governs(CalicoPolicy policy, PolicyType direction) {
            return policy.types().contains(direction);
        }

        @Override
        public int firstMatchingRule(CalicoPolicy policy, PolicyType direction, Connection connection) {
            List<CalicoRule> rules = direction == PolicyType.INGRESS ? policy.ingress() : policy.egress();
            for (int i = 0; i < rules.size(); i++) {
                List<CalicoPort> ports = rules.get(i).destination().ports();
                if (ports.isEmpty() || ports.stream().anyMatch(p -> p.first() <= connection.port() && connection.port() <= p.last())) {
                    return i;
                }
            }
            return -1;
        }
    }
}
