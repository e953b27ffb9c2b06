package io.flowpol.inference.evaluate;

import static io.flowpol.inference.evaluate.Endpoints.app;
import static io.flowpol.inference.evaluate.Endpoints.external;
import static io.flowpol.inference.evaluate.Endpoints.pod;
import static io.flowpol.inference.evaluate.Endpoints.rule;
import static io.flowpol.inference.evaluate.Endpoints.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkPolicyMatcherTest {
    private final NetworkPolicyMatcher matcher = new NetworkPolicyMatcher();
    private final EvalEndpoint api = pod("shop", "api", "10.0.1.1");
    private final EvalEndpoint webInShop = pod("shop", "web", "10.0.1.2");
    private final EvalEndpoint webInOps = pod("ops", "web", "10.0.2.2");
    private final EvalEndpoint dbInOps = pod("ops", "db", "10.0.2.3");
    private final LabelSelector opsNamespace = LabelSelector.of(Map.of("team", "ops"));

    private boolean admits(NetworkPolicy policy, EvalEndpoint from, EvalEndpoint to, int protocol, int port) {
        return matcher.firstMatchingRule(policy, PolicyType.INGRESS, new Connection(from, to, protocol, port)) >= 0;
    }

    @Test
    void twoPeersAreOredWhileOnePeerWithBothSelectorsIsAnded() {
        NetworkPolicy twoPeers = Endpoints.ingress("shop", "p", app("api"), rule(List.of(
                new NetworkPolicyPeer(app("web"), null, null), new NetworkPolicyPeer(null, opsNamespace, null))));
        NetworkPolicy onePeer = Endpoints.ingress("shop", "p", app("api"), rule(List.of(
                new NetworkPolicyPeer(app("web"), opsNamespace, null))));

        assertTrue(admits(twoPeers, webInShop, api, Protocol.TCP, 80));
        assertTrue(admits(twoPeers, dbInOps, api, Protocol.TCP, 80));
        assertTrue(admits(onePeer, webInOps, api, Protocol.TCP, 80));
        assertFalse(admits(onePeer, webInShop, api, Protocol.TCP, 80));
        assertFalse(admits(onePeer, dbInOps, api, Protocol.TCP, 80));
    }

    @Test
    void podSelectorAloneSelectsOnlyInThePolicyNamespace() {
        NetworkPolicy policy = Endpoints.ingress("shop", "p", app("api"), rule(List.of(new NetworkPolicyPeer(app("web"), null, null))));

        assertTrue(admits(policy, webInShop, api, Protocol.TCP, 80));
        assertFalse(admits(policy, webInOps, api, Protocol.TCP, 80));
    }

    @Test
    void namespaceSelectorMatchesTheMetadataNameLabelEvenWhenNotRecorded() {
        LabelSelector byName = LabelSelector.of(Map.of("kubernetes.io/metadata.name", "ops"));
        NetworkPolicy policy = Endpoints.ingress("shop", "p", app("api"), rule(List.of(new NetworkPolicyPeer(null, byName, null))));

        assertTrue(admits(policy, dbInOps, api, Protocol.TCP, 80));
        assertFalse(admits(policy, webInShop, api, Protocol.TCP, 80));
    }

    @Test
    void namedPortResolvesAgainstEachDestinationPod() {
        EvalEndpoint apiOn8080 = pod("shop", "api", "10.0.1.1", new ContainerPort("http", 8080, Protocol.TCP));
        EvalEndpoint apiOn9090 = pod("shop", "api", "10.0.1.5", new ContainerPort("http", 9090, Protocol.TCP));
        EvalEndpoint apiUdp = pod("shop", "api", "10.0.1.6", new ContainerPort("http", 8080, Protocol.UDP));
        NetworkPolicy policy = Endpoints.ingress("shop", "p", app("api"), rule(List.of(), NetworkPolicyPort.named(Protocol.TCP, "http")));

        assertTrue(admits(policy, webInShop, apiOn8080, Protocol.TCP, 8080));
        assertFalse(admits(policy, webInShop, apiOn8080, Protocol.TCP, 9090));
        assertTrue(admits(policy, webInShop, apiOn9090, Protocol.TCP, 9090));
        assertFalse(admits(policy, webInShop, apiUdp, Protocol.TCP, 8080));
        assertFalse(admits(policy, webInShop, api, Protocol.TCP, 8080));
    }

    @Test
    void endPortAllowsEveryPortOfTheRangeAndNoOther() {
        NetworkPolicy policy = Endpoints.ingress("shop", "p", app("api"),
                rule(List.of(), new NetworkPolicyPort(Protocol.TCP, 32000, null, 32768)));

        assertTrue(admits(policy, webInShop, api, Protocol.TCP, 32000));
        assertTrue(admits(policy, webInShop, api, Protocol.TCP, 32768));
        assertFalse(admits(policy, webInShop, api, Protocol.TCP, 32769));
        assertFalse(admits(policy, webInShop, api, Protocol.TCP, 31999));
        assertFalse(admits(policy, webInShop, api, Protocol.UDP, 32000));
    }

    @Test
    void emptyPeersAndEmptyPortsAllowEverything() {
        NetworkPolicy policy = Endpoints.ingress("shop", "p", app("api"), new NetworkPolicyRule(List.of(), List.of()));

        assertTrue(admits(policy, external("8.8.8.8"), api, Protocol.SCTP, 9));
        assertTrue(admits(policy, webInOps, api, Protocol.UDP, 53));
    }

    @Test
    void policyTypesDefaultToIngressPlusEgressOnlyWithEgressRules() {
        NetworkPolicy ingressOnly = new NetworkPolicy("shop", "p", null, null, app("api"), List.of(), List.of(), List.of());
        NetworkPolicy withEgress = new NetworkPolicy("shop", "p", null, null, app("api"), List.of(), List.of(),
                List.of(rule(List.of(), tcp(53))));
        NetworkPolicy egressExplicit = Endpoints.egress("shop", "p", app("api"));

        assertTrue(matcher.governs(ingressOnly, PolicyType.INGRESS));
        assertFalse(matcher.governs(ingressOnly, PolicyType.EGRESS));
        assertTrue(matcher.governs(withEgress, PolicyType.EGRESS));
        assertTrue(matcher.governs(withEgress, PolicyType.INGRESS));
        assertFalse(matcher.governs(egressExplicit, PolicyType.INGRESS));
    }

    @Test
    void ipBlockExceptCarvesAddressesOut() {
        IpBlock block = new IpBlock(Cidr.parse("10.0.0.0/8"), List.of(Cidr.parse("10.0.2.0/24")));
        NetworkPolicy policy = Endpoints.ingress("shop", "p", app("api"), rule(List.of(new NetworkPolicyPeer(null, null, block))));

        assertTrue(admits(policy, external("10.9.9.9"), api, Protocol.TCP, 80));
        assertFalse(admits(policy, external("10.0.2.7"), api, Protocol.TCP, 80));
        assertFalse(admits(policy, external("11.0.0.1"), api, Protocol.TCP, 80));
        assertTrue(admits(policy, webInShop, api, Protocol.TCP, 80), "a pod matches an ipBlock by its address");
        assertFalse(admits(policy, dbInOps, api, Protocol.TCP, 80));
    }

    @Test
    void policySelectsOnlyMatchingPodsOfItsNamespace() {
        NetworkPolicy policy = Endpoints.ingress("shop", "p", app("web"));

        assertTrue(matcher.selects(policy, webInShop));
        assertFalse(matcher.selects(policy, webInOps));
        assertFalse(matcher.selects(policy, api));
        assertFalse(matcher.selects(policy, external("10.0.1.2")));
    }

    @Test
    void firstMatchingRuleIsReportedByIndex() {
        NetworkPolicy policy = Endpoints.ingress("shop", "p", app("api"), rule(List.of(), tcp(443)), rule(List.of(), tcp(80)));

        assertEquals(1, matcher.firstMatchingRule(policy, PolicyType.INGRESS, Endpoints.tcp(webInShop, api, 80)));
        assertEquals(-1, matcher.firstMatchingRule(policy, PolicyType.INGRESS, Endpoints.tcp(webInShop, api, 8080)));
    }
}
