package io.flowpol.samples;

/** A named container port; {@code protocol} is TCP or UDP. */
record PortPlan(String name, int port, String protocol) {
}
