package io.flowpol.inference.evaluate.calico;

import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPolicy.CalicoKind;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.List;
import java.util.Map;

/** Pods, an external address and policy builders shared by the Calico matcher tests. */
final class CalicoFixtures {
    static final EvalEndpoint WEB = pod("shop", Map.of("app", "web"), Map.of("team", "a"), "web-sa", "10.0.1.10",
            List.of(new ContainerPort("http", 8080, Protocol.TCP)));
    static final EvalEndpoint API = pod("shop", Map.of("app", "api"), Map.of("team", "a"), "api-sa", "10.0.1.20",
            List.of(new ContainerPort("http", 9090, Protocol.TCP)));
    static final EvalEndpoint BILLING_API = pod("billing", Map.of("app", "api"), Map.of("team", "b"), "default",
            "10.0.2.20", List.of());
    static final EvalEndpoint INTERNET = EvalEndpoint.address(IpAddress.parse("203.0.113.7"));

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

    private CalicoFixtures() {
    }
}
