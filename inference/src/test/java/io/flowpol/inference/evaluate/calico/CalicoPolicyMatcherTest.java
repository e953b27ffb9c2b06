package io.flowpol.inference.evaluate.calico;

import static io.flowpol.inference.evaluate.calico.CalicoFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPolicy.CalicoKind;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import io.flowpol.inference.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pods a Calico policy selects, which directions it governs, protocols and actions of its rules. */
class CalicoPolicyMatcherTest {
    private final CalicoPolicyMatcher matcher = new CalicoPolicyMatcher();

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
