package io.flowpol.samples;

import io.flowpol.samples.TrafficEdge.Mode;
import io.flowpol.samples.TrafficEdge.Peers;
import java.util.List;

/**
 * An internet-facing ingress (issue 19 item 3): a load balancer with client IP preservation, so
 * every flow reaches the frontend's pods straight from the client's own public address. The
 * clients come from a few networks, the two /16 blocks of RFC 2544's benchmarking range
 * (198.18.0.0/15), each new connection from the next client until all have been seen once.
 * More clients than that range holds (issue 13: millions of distinct peers, as scanners and a
 * busy public service bring) continue in the reserved 240.0.0.0/4, which no VPC uses either.
 */
final class InternetClientTraffic {
    /** 198.18.0.1: the first client; the last of 198.19.255.254 bounds the count. */
    private static final int FIRST = Ids.ip(198, 18, 0, 1);
    private static final int BENCHMARK_CLIENTS = (1 << 17) - 2;
    /** 240.0.0.0: where clients beyond the benchmarking range continue. */
    private static final int RESERVED = Ids.ip(240, 0, 0, 0);
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
        Peers rotating = t -> {
            int i = next[0]++ % clients;
            if (i >= BENCHMARK_CLIENTS) {
                return List.of(Endpoint.external(RESERVED + i - BENCHMARK_CLIENTS));
            }
            // Alternate between the two /16s so both networks carry clients.
            return List.of(Endpoint.external(FIRST + i / 2 + (i % 2) * 65536));
        };
        return new TrafficEdge(rotating, servers, FlowLine.TCP, port.port(), port.name(), Mode.SHORT, weight);
    }
}
