package io.flowpol.inference.timeline;

/** A declared container port; {@code name} null when unnamed; protocol as IANA number. */
public record ContainerPort(String name, int port, int protocol) {
}
