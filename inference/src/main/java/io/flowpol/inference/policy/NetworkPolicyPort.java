package io.flowpol.inference.policy;

/**
 * A NetworkPolicyPort. {@code port == 0 && portName == null} means every port of the
 * protocol; {@code portName} is a named container port, resolved per destination pod;
 * {@code endPort} (0 = none) makes {@code port..endPort} a range.
 */
public record NetworkPolicyPort(int protocol, int port, String portName, int endPort) {
    public NetworkPolicyPort {
        if (portName != null && port != 0) {
            throw new IllegalArgumentException("port and portName are exclusive");
        }
        if (endPort != 0 && (port == 0 || endPort < port)) {
            throw new IllegalArgumentException("endPort needs a numeric port <= endPort");
        }
    }

    public static NetworkPolicyPort number(int protocol, int port) {
        return new NetworkPolicyPort(protocol, port, null, 0);
    }

    public static NetworkPolicyPort named(int protocol, String name) {
        return new NetworkPolicyPort(protocol, 0, name, 0);
    }
}
