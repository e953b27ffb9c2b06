package io.flowpol.inference.policy;

import java.util.List;

/**
 * One ingress or egress rule: {@code from}/{@code to} peers (OR) and ports (OR).
 * An empty peer list means every peer, an empty port list every port, as in Kubernetes.
 */
public record NetworkPolicyRule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    public NetworkPolicyRule {
        peers = peers == null ? List.of() : List.copyOf(peers);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
