package io.flowpol.inference.evaluate;

import static io.flowpol.inference.evaluate.Endpoints.app;
import static io.flowpol.inference.evaluate.Endpoints.pod;
import static io.flowpol.inference.evaluate.Endpoints.rule;
import static io.flowpol.inference.evaluate.Endpoints.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.AdminNetworkPolicy;
import io.flowpol.inference.policy.AdminPort;
import io.flowpol.inference.policy.AdminRule;
import io.flowpol.inference.policy.AdminRule.AdminAction;
import io.flowpol.inference.policy.AdminSubject;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdminNetworkPolicy tiering (network-policy-api.sigs.k8s.io): ANP, then NetworkPolicy, then the baseline. */
class AdminPolicyEngineTest {
    private static final AdminSubject EVERY_POD = new AdminSubject(LabelSelector.ALL, null);
    private final EvalEndpoint web = pod("shop", "web", "10.0.1.2");
    private final EvalEndpoint api = pod("shop", "api", "10.0.1.1", new ContainerPort("http", 8080, Protocol.TCP));
    private final EvalEndpoint probe = pod("monitoring", "probe", "10.0.9.9");
    /** api admits web on TCP 80 only. */
    private final NetworkPolicy apiFromWeb = Endpoints.ingress("shop", "api-in", app("api"),
            rule(List.of(new NetworkPolicyPeer(app("web"), null, null)), tcp(80)));

    private static AdminNetworkPolicy anp(String name, int priority, AdminAction action, AdminSubject from, AdminPort... ports) {
        return new AdminNetworkPolicy(false, name, priority, EVERY_POD,
                List.of(new AdminRule(name, action, List.of(from), List.of(), false, List.of(ports))), List.of());
    }

    private static AdminSubject namespace(String name) {
        return new AdminSubject(LabelSelector.of(Map.of("kubernetes.io/metadata.name", name)), null);
    }

    private static PolicyEngine engine(List<NetworkPolicy> kubernetes, AdminNetworkPolicy... admin) {
        return new PolicyEngine(new PolicySet(kubernetes, List.of(), List.of(admin), List.of()), null);
    }

    @Test
    void anAdminAllowWinsOverTheNetworkPolicyDefaultDenyAndADenyOverItsAllow() {
        PolicyEngine engine = engine(List.of(apiFromWeb),
                anp("allow-monitoring", 10, AdminAction.ALLOW, namespace("monitoring")),
                anp("deny-web-80", 20, AdminAction.DENY, namespace("shop"), new AdminPort(Protocol.TCP, 80, 80, null)));

        assertTrue(engine.allows(tcp(probe, api, 9999)).allowed());
        Verdict denied = engine.allows(tcp(web, api, 80));
        assertFalse(denied.allowed());
        assertEquals("deny: AdminNetworkPolicy/deny-web-80 ingress[0]", denied.ingressDecision());
    }

    @Test
    void lowerPriorityNumberDecidesFirst() {
        PolicyEngine engine = engine(List.of(),
                anp("deny", 5, AdminAction.DENY, namespace("shop")),
                anp("allow", 50, AdminAction.ALLOW, namespace("shop")));

        assertFalse(engine.allows(tcp(web, api, 80)).allowed());
    }

    @Test
    void passAndNoMatchGoOnToNetworkPoliciesThenTheBaselineWhereNoneSelects() {
        AdminNetworkPolicy pass = anp("pass-shop", 1, AdminAction.PASS, namespace("shop"));
        AdminNetworkPolicy baseline = new AdminNetworkPolicy(true, "default", 0, EVERY_POD,
                List.of(new AdminRule("deny-all", AdminAction.DENY, List.of(new AdminSubject(LabelSelector.ALL, null)),
                        List.of(), false, List.of())), List.of());
        PolicyEngine engine = engine(List.of(apiFromWeb), pass, baseline);

        assertTrue(engine.allows(tcp(web, api, 80)).allowed(), "passed to the NetworkPolicy, which allows");
        assertFalse(engine.allows(tcp(web, api, 81)).allowed(), "the NetworkPolicy selects api: its default deny");
        Verdict toWeb = engine.allows(tcp(api, web, 80));
        assertFalse(toWeb.allowed(), "no NetworkPolicy selects web: the baseline decides");
        assertEquals("deny: BaselineAdminNetworkPolicy/default ingress[0]", toWeb.ingressDecision());
        assertTrue(engine(List.of(), pass).allows(tcp(api, web, 80)).allowed(), "nothing decides: allowed");
    }

    @Test
    void namedPortsResolveAgainstTheDestinationAndNetworksMatchAddresses() {
        AdminNetworkPolicy onlyHttp = new AdminNetworkPolicy(false, "http", 3, EVERY_POD, List.of(
                new AdminRule("http", AdminAction.ALLOW, List.of(namespace("shop")), List.of(), false, List.of(AdminPort.named("http"))),
                new AdminRule("rest", AdminAction.DENY, List.of(namespace("shop")), List.of(), false, List.of())),
                List.of(new AdminRule("out", AdminAction.DENY, List.of(), List.of(Cidr.parse("203.0.113.0/24")), false, List.of())));
        PolicyEngine engine = engine(List.of(), onlyHttp);

        assertEquals("TCP 8080", engine.allowedConnections(web, api).toString());
        assertFalse(engine.allows(tcp(web, EvalEndpoint.address(io.flowpol.inference.model.IpAddress.parse("203.0.113.7")), 443)).allowed());
        assertTrue(engine.allows(tcp(web, EvalEndpoint.address(io.flowpol.inference.model.IpAddress.parse("198.51.100.7")), 443)).allowed());
    }
}
