package io.flowpol.inference.evaluate.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPolicy.CalicoKind;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Selection, types defaulting and rule matching of Calico policies (the parts of a rule one by one). */
class CalicoPolicyMatcherTest {
    private final CalicoPolicyMatcher matcher = new CalicoPolicyMatcher();

    private static final EvalEndpoint WEB = pod("shop", Map.of("app", "web"), Map.of("team", "a"), "web-sa", "10.0.1.10",
            List.of(new ContainerPort("http", 8080, Protocol.TCP)));
    private static final EvalEndpoint API = pod("shop", Map.of("app", "api"), Map.of("team", "a"), "api-sa", "10.0.1.20",
            List.of(new ContainerPort("http", 9090, Protocol.TCP)));
    private static final EvalEndpoint BILLING_API = pod("billing", Map.of("app", "api"), Map.of("team", "b"), "default",
            "10.0.2.20", List.of());
    private static final EvalEndpoint INTERNET = EvalEndpoint.address(IpAddress.parse("203.0.113.7"));

    static EvalEndpoint pod(String ns, Map<String, String> labels, Map<String, String> nsLabels, String sa, String ip,
            List<ContainerPort> ports) {
        return new EvalEndpoint(true, ns, labels.get("app") + "-1", labels, nsLabels, sa, IpAddress.parse(ip), ports);
    }

    static CalicoPolicy namespaced(String ns, String selector, List<CalicoRule> ingress, List<CalicoRule> egress) {
        return new CalicoPolicy(CalicoKind.NETWORK_POLICY, ns, "p", null, null, selector, null, null, null, ingress, egress);
    }

    static CalicoPolicy global(String selector, String nsSelector, String saSelector, List<CalicoRule> ingress) {
        return new CalicoPolicy(CalicoKind.GLOBAL_NETWORK_POLICY, null, "g", null, 10.0, selector, nsSelector, saSelector,
                null, ingress, null);
    }

    static CalicoRule allow(CalicoEntityRule source, CalicoEntityRule destination) {
        return new CalicoRule(CalicoAction.ALLOW, null, null, null, source, destination);
    }

    static CalicoEntityRule selector(String selector) {
        return new CalicoEntityRule(selector, null, null, null, null, null, null, null);
    }

    static CalicoEntityRule ports(CalicoPort... ports) {
        return new CalicoEntityRule(null, null, null, null, null, null, List.of(ports), null);
    }

    private int ingressRule(CalicoPolicy policy, EvalEndpoint from, EvalEndpoint to, int port) {
        return matcher.firstMatchingRule(policy, PolicyType.INGRESS, new Connection(from, to, Protocol.TCP, port));
    }

    @Test
    void namespacedPolicySelectsOnlyPodsOfItsNamespace() {
        CalicoPolicy policy = namespaced("shop", "app == 'api'", null, null);
        assertTrue(matcher.selects(policy, API));
        assertFalse(matcher.selects(policy, BILLING_API));
        assertFalse(matcher.selects(policy, WEB));
    }

    @Test
    void absentSelectorSelectsEveryPodOfTheNamespace() {
        CalicoPolicy policy = namespaced("shop", null, null, null);
        assertTrue(matcher.selects(policy, WEB));
        assertTrue(matcher.selects(policy, API));
        assertFalse(matcher.selects(policy, BILLING_API));
    }

    @Test
    void globalPolicyNamespaceSelectorMatchesNamespaceLabelsAndName() {
        assertTrue(matcher.selects(global("app == 'api'", "team == 'b'", null, null), BILLING_API));
        assertFalse(matcher.selects(global("app == 'api'", "team == 'b'", null, null), API));
        assertTrue(matcher.selects(global(null, "projectcalico.org/name == 'shop'", null, null), WEB));
        assertFalse(matcher.selects(global(null, "projectcalico.org/name == 'shop'", null, null), BILLING_API));
    }

    @Test
    void policySelectorSeesCalicoImplicitWorkloadLabels() {
        assertTrue(matcher.selects(global("projectcalico.org/namespace == 'billing'", null, null, null), BILLING_API));
        assertFalse(matcher.selects(global("projectcalico.org/namespace == 'billing'", null, null, null), API));
        assertTrue(matcher.selects(global("projectcalico.org/orchestrator == 'k8s' && pcns.team == 'a'", null, null,
                null), WEB));
    }

    @Test
    void serviceAccountSelectorMatchesServiceAccountName() {
        CalicoPolicy policy = global(null, null, "projectcalico.org/name in {'web-sa', 'other'}", null);
        assertTrue(matcher.selects(policy, WEB));
        assertFalse(matcher.selects(policy, API));
    }

    @Test
    void nonPodEndpointIsSelectedByNothing() {
        assertFalse(matcher.selects(global("all()", null, null, null), INTERNET));
        assertFalse(matcher.selects(global(null, null, null, null), INTERNET));
    }

    @Test
    void typesAsWrittenWin() {
        CalicoPolicy egressOnly = new CalicoPolicy(CalicoKind.NETWORK_POLICY, "shop", "p", null, null, null, null, null,
                List.of(PolicyType.EGRESS), List.of(allow(null, null)), null);
        assertTrue(matcher.governs(egressOnly, PolicyType.EGRESS));
        assertFalse(matcher.governs(egressOnly, PolicyType.INGRESS));
    }

    @Test
    void typesDefaultToIngressWithoutEgressRules() {
        CalicoPolicy noRules = namespaced("shop", null, null, null);
        assertTrue(matcher.governs(noRules, PolicyType.INGRESS));
        assertFalse(matcher.governs(noRules, PolicyType.EGRESS));
        CalicoPolicy ingressRules = namespaced("shop", null, List.of(allow(null, null)), null);
        assertTrue(matcher.governs(ingressRules, PolicyType.INGRESS));
        assertFalse(matcher.governs(ingressRules, PolicyType.EGRESS));
    }

    @Test
    void typesDefaultToEgressOnlyWhenOnlyEgressRules() {
        CalicoPolicy egressRules = namespaced("shop", null, null, List.of(allow(null, null)));
        assertFalse(matcher.governs(egressRules, PolicyType.INGRESS));
        assertTrue(matcher.governs(egressRules, PolicyType.EGRESS));
        CalicoPolicy both = namespaced("shop", null, List.of(allow(null, null)), List.of(allow(null, null)));
        assertTrue(matcher.governs(both, PolicyType.INGRESS));
        assertTrue(matcher.governs(both, PolicyType.EGRESS));
    }

    @Test
    void portRangeIncludesBothBounds() {
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(null, ports(new CalicoPort(8000, 8080, null)))), null);
        assertEquals(0, ingressRule(policy, WEB, API, 8000));
        assertEquals(0, ingressRule(policy, WEB, API, 8080));
        assertEquals(-1, ingressRule(policy, WEB, API, 8081));
        assertEquals(-1, ingressRule(policy, WEB, API, 7999));
    }

    @Test
    void namedPortResolvesAgainstTheDestinationPodsDeclaredPort() {
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(null, ports(new CalicoPort(0, 0, "http")))), null);
        assertEquals(0, ingressRule(policy, API, WEB, 8080));
        assertEquals(-1, ingressRule(policy, API, WEB, 9090));
        assertEquals(0, ingressRule(policy, WEB, API, 9090));
        Connection udp = new Connection(API, WEB, Protocol.UDP, 8080);
        assertEquals(-1, matcher.firstMatchingRule(policy, PolicyType.INGRESS, udp));
    }

    @Test
    void notPortsExcludeListedPorts() {
        CalicoEntityRule notSsh = new CalicoEntityRule(null, null, null, null, null, null, null, List.of(CalicoPort.of(22)));
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(null, notSsh)), null);
        assertEquals(-1, ingressRule(policy, WEB, API, 22));
        assertEquals(0, ingressRule(policy, WEB, API, 23));
    }

    @Test
    void sourcePortsAreUnknownSoTheyNeverMatch() {
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(ports(new CalicoPort(0, 65535, null)), null)), null);
        assertEquals(-1, ingressRule(policy, WEB, API, 80));
    }

    @Test
    void netsMatchByAddressForPodsAndNonPods() {
        CalicoEntityRule nets = new CalicoEntityRule(null, null, null, null, List.of(Cidr.parse("203.0.113.0/24")),
                null, null, null);
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(nets, null)), null);
        assertEquals(0, ingressRule(policy, INTERNET, API, 80));
        assertEquals(-1, ingressRule(policy, WEB, API, 80));
        CalicoEntityRule podNets = new CalicoEntityRule(null, null, null, null, List.of(Cidr.parse("10.0.1.0/24")),
                null, null, null);
        assertEquals(0, ingressRule(namespaced("shop", null, List.of(allow(podNets, null)), null), WEB, API, 80));
    }

    @Test
    void notNetsExcludeAddressesInside() {
        CalicoEntityRule notNets = new CalicoEntityRule(null, null, null, null, null,
                List.of(Cidr.parse("10.0.0.0/16")), null, null);
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(notNets, null)), null);
        assertEquals(-1, ingressRule(policy, WEB, API, 80));
        assertEquals(0, ingressRule(policy, INTERNET, API, 80));
    }

    @Test
    void unknownAddressMatchesNeitherNetsNorNotNets() {
        EvalEndpoint noIp = new EvalEndpoint(true, "shop", "x", Map.of(), Map.of(), null, null, List.of());
        CalicoEntityRule notNets = new CalicoEntityRule(null, null, null, null, null,
                List.of(Cidr.parse("10.0.0.0/16")), null, null);
        assertEquals(-1, ingressRule(namespaced("shop", null, List.of(allow(notNets, null)), null), noIp, API, 80));
    }

    @Test
    void selectorOnNonPodPeerNeverMatches() {
        CalicoPolicy policy = global(null, null, null, List.of(allow(selector("!has(app)"), null)));
        assertEquals(-1, ingressRule(policy, INTERNET, API, 80));
    }

    @Test
    void notSelectorExcludesMatchingPodsButNotNonPods() {
        CalicoEntityRule notWeb = new CalicoEntityRule(null, "app == 'web'", null, null, null, null, null, null);
        CalicoPolicy policy = global(null, null, null, List.of(allow(notWeb, null)));
        assertEquals(-1, ingressRule(policy, WEB, API, 80));
        assertEquals(0, ingressRule(policy, BILLING_API, API, 80));
        assertEquals(0, ingressRule(policy, INTERNET, API, 80));
    }

    @Test
    void notSelectorInNamespacedPolicyLimitsPeersToItsNamespace() {
        CalicoEntityRule notWeb = new CalicoEntityRule(null, "app == 'web'", null, null, null, null, null, null);
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(notWeb, null)), null);
        assertEquals(-1, ingressRule(policy, BILLING_API, API, 80));
        assertEquals(-1, ingressRule(policy, INTERNET, API, 80));
    }

    @Test
    void ruleSelectorOfNamespacedPolicyOnlyMatchesPeersInItsNamespace() {
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(selector("app == 'api'"), null)), null);
        assertEquals(0, ingressRule(policy, API, WEB, 80));
        assertEquals(-1, ingressRule(policy, BILLING_API, WEB, 80));
    }

    @Test
    void ruleNamespaceSelectorWidensNamespacedPolicy() {
        CalicoEntityRule otherNs = new CalicoEntityRule("app == 'api'", null, "team == 'b'", null, null, null, null, null);
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(otherNs, null)), null);
        assertEquals(0, ingressRule(policy, BILLING_API, WEB, 80));
        assertEquals(-1, ingressRule(policy, API, WEB, 80));
        CalicoEntityRule anyNs = new CalicoEntityRule(null, null, "all()", null, null, null, null, null);
        CalicoPolicy anywhere = namespaced("shop", null, List.of(allow(anyNs, null)), null);
        assertEquals(0, ingressRule(anywhere, BILLING_API, WEB, 80));
        assertEquals(-1, ingressRule(anywhere, INTERNET, WEB, 80));
    }

    @Test
    void globalNamespaceSelectorMatchesNoPod() {
        CalicoEntityRule global = new CalicoEntityRule(null, null, "global()", null, null, null, null, null);
        CalicoPolicy policy = global(null, null, null, List.of(allow(global, null)));
        assertEquals(-1, ingressRule(policy, WEB, API, 80));
    }

    @Test
    void ruleServiceAccountSelectorMatchesPeerServiceAccount() {
        CalicoEntityRule sa = new CalicoEntityRule(null, null, null, "projectcalico.org/name == 'web-sa'", null, null,
                null, null);
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(sa, null)), null);
        assertEquals(0, ingressRule(policy, WEB, API, 80));
        assertEquals(-1, ingressRule(policy, API, WEB, 80));
    }

    @Test
    void protocolNamesAndNumbersAreEquivalent() {
        CalicoRule tcpByNumber = new CalicoRule(CalicoAction.ALLOW, "6", null, null, null, null);
        CalicoRule notUdp = new CalicoRule(CalicoAction.ALLOW, null, "UDP", null, null, null);
        CalicoPolicy policy = namespaced("shop", null, List.of(tcpByNumber), null);
        assertEquals(0, ingressRule(policy, WEB, API, 80));
        Connection udp = new Connection(WEB, API, Protocol.UDP, 53);
        assertEquals(-1, matcher.firstMatchingRule(policy, PolicyType.INGRESS, udp));
        CalicoPolicy notUdpPolicy = namespaced("shop", null, List.of(notUdp), null);
        assertEquals(-1, matcher.firstMatchingRule(notUdpPolicy, PolicyType.INGRESS, udp));
        assertEquals(0, ingressRule(notUdpPolicy, WEB, API, 80));
        assertEquals(136, CalicoPolicyMatcher.protocolNumber("UDPLite"));
    }

    @Test
    void ipVersionSixDoesNotMatchIpv4Connection() {
        CalicoRule v6 = new CalicoRule(CalicoAction.ALLOW, null, null, 6, null, null);
        CalicoRule v4 = new CalicoRule(CalicoAction.ALLOW, null, null, 4, null, null);
        assertEquals(1, ingressRule(namespaced("shop", null, List.of(v6, v4), null), WEB, API, 80));
    }

    @Test
    void denyPassAndLogRulesReturnTheirIndex() {
        CalicoRule log = new CalicoRule(CalicoAction.LOG, null, null, null, null, null);
        CalicoRule deny = new CalicoRule(CalicoAction.DENY, null, null, null, selector("app == 'web'"), null);
        CalicoRule pass = new CalicoRule(CalicoAction.PASS, null, null, null, null, null);
        CalicoPolicy logFirst = namespaced("shop", null, List.of(log, deny), null);
        assertEquals(0, ingressRule(logFirst, WEB, API, 80));
        CalicoPolicy denyThenPass = namespaced("shop", null, List.of(deny, pass), null);
        assertEquals(0, ingressRule(denyThenPass, WEB, API, 80));
        assertEquals(1, ingressRule(denyThenPass, API, WEB, 80));
    }

    @Test
    void egressDirectionWalksEgressRules() {
        CalicoRule toApi = allow(null, selector("app == 'api'"));
        CalicoPolicy policy = namespaced("shop", "app == 'web'", List.of(allow(null, null)), List.of(toApi));
        Connection webToApi = new Connection(WEB, API, Protocol.TCP, 9090);
        assertEquals(0, matcher.firstMatchingRule(policy, PolicyType.EGRESS, webToApi));
        Connection webToBilling = new Connection(WEB, BILLING_API, Protocol.TCP, 9090);
        assertEquals(-1, matcher.firstMatchingRule(policy, PolicyType.EGRESS, webToBilling));
    }

    @Test
    void badSelectorInAPolicyIsReported() {
        CalicoPolicy policy = namespaced("shop", "app = 'x'", null, null);
        assertThrows(CalicoSelectorException.class, () -> matcher.selects(policy, WEB));
    }
}
