package io.flowpol.inference.timeline;

/**
 * A Service port. {@code targetPort} is the numeric target (0 when named or absent);
 * {@code targetPortName} the named target, or null.
 */
public record ServicePort(String name, int port, int protocol, int targetPort, String targetPortName, int nodePort) {
}
