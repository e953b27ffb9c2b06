package io.flowpol.inference.evaluate.calico;

import static io.flowpol.inference.evaluate.calico.CalicoFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoNetworkSet;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.PolicyType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule selector that names a GlobalNetworkSet by its labels matches the set's addresses (issue 16 item 2). */
class GlobalNetworkSetMatchingTest {
    private static final CalicoNetworkSet PAYMENTS = new CalicoNetworkSet("payments",
            Map.of("flowpol.io/network-set", "payments"), List.of(Cidr.parse("203.0.113.0/24")));
    private static final EvalEndpoint OTHER = EvalEndpoint.address(IpAddress.parse("198.51.100.1"));
    private final CalicoPolicyMatcher matcher = new CalicoPolicyMatcher(List.of(PAYMENTS));

    private static CalicoEntityRule set(String selector, String namespaceSelector) {
        return new CalicoEntityRule(selector, null, namespaceSelector, null, null, null, null, null);
    }

    private int ingressRule(CalicoPolicy policy, EvalEndpoint from) {
        return matcher.firstMatchingRule(policy, PolicyType.INGRESS, new Connection(from, API, Protocol.TCP, 80));
    }

    @Test
    void namespacedPolicyReachesTheSetThroughGlobalNamespaceSelector() {
        CalicoPolicy policy = namespaced("shop", null,
                List.of(allow(set("flowpol.io/network-set == 'payments'", "global()"), null)), null);
        assertEquals(0, ingressRule(policy, INTERNET));
        assertEquals(-1, ingressRule(policy, OTHER));
        assertEquals(-1, ingressRule(policy, WEB), "global() selects no pod");
    }

    @Test
    void namespacedSelectorWithoutNamespaceSelectorStaysInTheNamespace() {
        CalicoPolicy policy = namespaced("shop", null,
                List.of(allow(set("flowpol.io/network-set == 'payments'", null), null)), null);
        assertEquals(-1, ingressRule(policy, INTERNET));
    }

    @Test
    void globalPolicySelectorMatchesTheSetWithoutNamespaceSelector() {
        CalicoPolicy policy = global(null, null, null,
                List.of(allow(set("flowpol.io/network-set == 'payments'", null), null)));
        assertEquals(0, ingressRule(policy, INTERNET));
        assertEquals(-1, ingressRule(global(null, null, null,
                List.of(allow(set("flowpol.io/network-set == 'other'", null), null))), INTERNET));
    }

    @Test
    void withoutTheSetTheSelectorMatchesNoAddress() {
        CalicoPolicy policy = namespaced("shop", null,
                List.of(allow(set("flowpol.io/network-set == 'payments'", "global()"), null)), null);
        assertEquals(-1, new CalicoPolicyMatcher().firstMatchingRule(policy, PolicyType.INGRESS,
                new Connection(INTERNET, API, Protocol.TCP, 80)));
    }
}
