package io.flowpol.inference.evaluate.calico;

import static io.flowpol.inference.evaluate.calico.CalicoFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.PolicyType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The source/destination parts of a Calico rule one by one: ports, nets, selectors, namespaces, service accounts. */
class EntityRuleMatcherTest {
    private final CalicoPolicyMatcher matcher = new CalicoPolicyMatcher();

    private int ingressRule(CalicoPolicy policy, EvalEndpoint from, EvalEndpoint to, int port) {
        return matcher.firstMatchingRule(policy, PolicyType.INGRESS, new Connection(from, to, Protocol.TCP, port));
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
    void longNetsListsMatchAsTheirBlocksDo() {
        // Over the scan threshold the list is looked up as an address set (issue 19): same answers.
        List<Cidr> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(Cidr.parse("198.51." + i + ".0/24"));
        }
        many.add(Cidr.parse("::/0"));
        many.add(Cidr.parse("203.0.113.7/32"));
        CalicoEntityRule nets = new CalicoEntityRule(null, null, null, null, many, null, null, null);
        CalicoPolicy policy = namespaced("shop", null, List.of(allow(nets, null)), null);
        assertEquals(0, ingressRule(policy, INTERNET, API, 80));
        assertEquals(0, ingressRule(policy, EvalEndpoint.address(IpAddress.parse("198.51.39.255")), API, 80));
        assertEquals(0, ingressRule(policy, EvalEndpoint.address(IpAddress.parse("2001:db8::1")), API, 80));
        assertEquals(-1, ingressRule(policy, EvalEndpoint.address(IpAddress.parse("198.51.40.0")), API, 80));
        // ::/0 holds no IPv4 address.
        assertEquals(-1, ingressRule(policy, WEB, API, 80));
        CalicoEntityRule notNets = new CalicoEntityRule(null, null, null, null, null, many, null, null);
        CalicoPolicy notPolicy = namespaced("shop", null, List.of(allow(notNets, null)), null);
        assertEquals(-1, ingressRule(notPolicy, INTERNET, API, 80));
        assertEquals(0, ingressRule(notPolicy, WEB, API, 80));
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
}
