package io.flowpol.inference.policy;

/**
 * An AdminNetworkPolicyPort: {@code portNumber} ({@code first == last}), {@code portRange}, or a
 * {@code namedPort} ({@code name}, any protocol the destination pod declares it with).
 */
public record AdminPort(int protocol, int first, int last, String name) {
    public static AdminPort named(String name) {
        return new AdminPort(0, 0, 0, name);
    }
}
