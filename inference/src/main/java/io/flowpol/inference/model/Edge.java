package io.flowpol.inference.model;

import java.util.Comparator;

/**
 * An observed service-to-service connection class: client to server on one port and
 * protocol. {@code portName} is the destination's container port name when every pod of
 * the server workload declared the port under that name (DESIGN.md fact 9), else null.
 */
public record Edge(Peer client, Peer server, int protocol, int port, String portName, Evidence evidence)
        implements Comparable<Edge> {

    private static final Comparator<Edge> ORDER = Comparator.comparing(Edge::client)
            .thenComparing(Edge::server)
            .thenComparingInt(Edge::protocol)
            .thenComparingInt(Edge::port);

    public Edge {
        if (client == null || server == null) {
            throw new IllegalArgumentException("client and server are required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public int compareTo(Edge other) {
        return ORDER.compare(this, other);
    }
}
