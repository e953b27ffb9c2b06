package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.List;
import java.util.Map;

/** Small builders for the evaluator tests. */
final class Endpoints {
    private Endpoints() {
    }

    static EvalEndpoint pod(String namespace, String app, String ip, ContainerPort... ports) {
        return new EvalEndpoint(true, namespace, app, Map.of("app", app), Map.of("team", namespace), null,
                IpAddress.parse(ip), List.of(ports));
    }

    static EvalEndpoint external(String ip) {
        return EvalEndpoint.address(IpAddress.parse(ip));
    }

    static LabelSelector app(String app) {
        return LabelSelector.of(Map.of("app", app));
    }

    static NetworkPolicyPort tcp(int port) {
        return NetworkPolicyPort.number(Protocol.TCP, port);
    }

    static NetworkPolicyRule rule(List<NetworkPolicyPeer> peers, NetworkPolicyPort... ports) {
        return new NetworkPolicyRule(peers, List.of(ports));
    }

    static NetworkPolicy ingress(String namespace, String name, LabelSelector pods, NetworkPolicyRule... rules) {
        return new NetworkPolicy(namespace, name, null, null, pods, List.of(PolicyType.INGRESS), List.of(rules), List.of());
    }

    static NetworkPolicy egress(String namespace, String name, LabelSelector pods, NetworkPolicyRule... rules) {
        return new NetworkPolicy(namespace, name, null, null, pods, List.of(PolicyType.EGRESS), List.of(), List.of(rules));
    }

    static Connection tcp(EvalEndpoint from, EvalEndpoint to, int port) {
        return new Connection(from, to, Protocol.TCP, port);
    }
}
