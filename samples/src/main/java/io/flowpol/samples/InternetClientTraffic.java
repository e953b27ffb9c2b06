package io.flowpol.samples;

import io.flowpol.samples.TrafficEdge.Mode;
import io.flowpol.samples.TrafficEdge.Peers;
import java.util.List;

/**
 * An internet-facing ingress (issue 19 item 3): a load balancer with client IP preservation, so
 * every flow reaches the frontend's pods straight from the client's own public address. The
 * clients come from a few networks, the two /16 blocks of RFC 2544's benchmarking range
 * (198.18.0.0/15), each new connection from the next client until all have been seen once. More
 * clients than those two blocks hold (issue 19 item 4: memory flat from 40,000 to 400,000 clients)
 * spread evenly over further /16s from 81.0.0.0/16 on, synthetic public addresses: up to 2^24
 * clients (issue 13: millions of distinct peers, as scanners and a busy public service bring).
 */
final class InternetClientTraffic {
    /** 198.18.0.1: the first client; the two RFC 2544 /16s hold this many. */
    private static final int FIRST = Ids.ip(198, 18, 0, 1);
    private static final int PER_BLOCK = (1 << 16) - 2;
    private static final int TWO_BLOCKS = 2 * PER_BLOCK;
    /** 2 + 255 /16s of 65,534 clients each hold this many: the 81.x blocks end at 81.254.0.0/16. */
    static final int MAX_CLIENTS = 1 << 24;
    /** Connections per client on average, so each client shows up although arrivals are random. */
    private static final double CONNECTIONS_PER_CLIENT = 1.5;

    private InternetClientTraffic() {
    }

    /**
     * The edge from {@code clients} distinct public addresses to {@code servers} on {@code port},
     * weighted against the other short-lived edges' {@code otherWeights} so that about 1.5
     * connections per client fit into the window at the scenario's density.
     *
     * @throws IllegalArgumentException when the density cannot carry that many connections
     */
    static TrafficEdge edge(Peers servers, PortPlan port, int clients, ScenarioOptions options, double otherWeights) {
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("--internet-clients must be 1 to " + MAX_CLIENTS + ": " + clients);
        }
        double perMinute = CONNECTIONS_PER_CLIENT * clients / options.minutes();
        if (perMinute >= options.connectionsPerMinute() * 0.9) {
            throw new IllegalArgumentException("--density " + options.connectionsPerMinute() + " cannot carry "
                    + clients + " internet clients in the window: use at least "
                    + (long) Math.ceil(perMinute / 0.9 + 1));
        }
        // r = density * w / (others + w), solved for w.
        double weight = perMinute * otherWeights / (options.connectionsPerMinute() - perMinute);
        int[] next = {0};
        int blocks = clients <= TWO_BLOCKS ? 2 : (clients + PER_BLOCK - 1) / PER_BLOCK;
        Peers rotating = t -> {
            int i = next[0]++ % clients;
            // Rotate over the /16s so every network carries clients.
            return List.of(Endpoint.external(block(i % blocks) + i / blocks));
        };
        return new TrafficEdge(rotating, servers, FlowLine.TCP, port.port(), port.name(), Mode.SHORT, weight);
    }

    /** The first client address of the k-th /16: 198.18.0.1, 198.19.0.1, then 81.0.0.1, 81.1.0.1, ... */
    private static int block(int k) {
        return k < 2 ? FIRST + k * 65536 : Ids.ip(81, k - 2, 0, 1);
    }
}
