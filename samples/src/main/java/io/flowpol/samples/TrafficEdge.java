package io.flowpol.samples;

import java.time.Instant;
import java.util.List;

/**
 * One kind of traffic the scenario produces: who calls whom on which port, and how.
 * {@code rate} means, by {@link Mode}: SHORT, a weight of the density (share of the new
 * connections per minute); POOLED, connections each client pod keeps open; ATTEMPT,
 * minutes between two attempts.
 */
record TrafficEdge(Peers clients, Peers servers, int protocol, int port, String portName, Mode mode, double rate) {

    enum Mode {
        /** Request/response connections of a few seconds, each its own 5-tuple. */
        SHORT,
        /** Connection pools and watches that stay open across many aggregation intervals. */
        POOLED,
        /** SYNs that never get an answer: blocked after the ENI, or a dead peer (fact 11). */
        ATTEMPT
    }

    /** The endpoints that can take part at an instant (pods come and go). */
    @FunctionalInterface
    interface Peers {
        List<Endpoint> at(Instant t);
    }
}
