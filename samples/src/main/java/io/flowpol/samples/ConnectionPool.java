package io.flowpol.samples;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Long-lived connections of one pooled edge (database pools, gRPC channels, API watches):
 * each client pod keeps {@code rate} of them open; one closes (FIN) in the minute its client
 * or server stops and is reopened (SYN) to a live server. In between, a minute of traffic
 * carries only ACK-flagged packets, which flow logs report as tcp-flags 0 (fact 11), and an
 * idle minute writes nothing. One 5-tuple, so one connection, across many intervals (fact 1).
 */
final class ConnectionPool {
    private record Open(Endpoint client, Endpoint server, int clientPort) {
    }

    private final TrafficEdge edge;
    private final TrafficSimulator simulator;
    private final Map<String, Open> open = new LinkedHashMap<>();

    ConnectionPool(TrafficEdge edge, TrafficSimulator simulator) {
        this.edge = edge;
        this.simulator = simulator;
    }

    void minute(int m, long minuteStart) throws IOException {
        Instant last = Instant.ofEpochSecond(minuteStart + 59);
        List<Endpoint> clients = edge.clients().at(last);
        List<Endpoint> servers = edge.servers().at(last);
        Set<String> liveClients = names(clients);
        Set<String> liveServers = names(servers);
        SplittableRandom random = simulator.random();
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            Open c = it.next();
            boolean closing = !liveClients.contains(c.client().name()) || !liveServers.contains(c.server().name());
            if (closing) {
                it.remove();
                emit(c, m, FlowLine.FIN, FlowLine.FIN, false);
            } else if (random.nextInt(10) != 0) {
                emit(c, m, 0, 0, false);
            }
        }
        for (Endpoint client : clients) {
            for (int slot = 0; slot < (int) edge.rate(); slot++) {
                String key = client.name() + "#" + slot;
                if (open.containsKey(key) || servers.isEmpty()) {
                    continue;
                }
                Open c = new Open(client, simulator.pick(servers), simulator.ephemeralPort(client));
                open.put(key, c);
                // Pools found open at the start of the window were opened before it: no SYN seen.
                boolean openedBefore = m == 0;
                emit(c, m, openedBefore ? 0 : FlowLine.SYN, openedBefore ? 0 : FlowLine.SYN_ACK, true);
            }
        }
    }

    private void emit(Open c, int m, int requestFlags, int replyFlags, boolean first) throws IOException {
        SplittableRandom random = simulator.random();
        long requestPackets = 2 + random.nextInt(120);
        long replyPackets = 2 + random.nextInt(120);
        simulator.record(edge, new FlowCapture.Flow(c.client(), c.server(), edge.protocol(), c.clientPort(),
                edge.port(), 0, 0, m, requestFlags, replyFlags, requestPackets,
                requestPackets * (66 + random.nextInt(300)), replyPackets, replyPackets * (66 + random.nextInt(900)),
                true, first));
    }

    private static Set<String> names(List<Endpoint> endpoints) {
        Set<String> names = new HashSet<>();
        for (Endpoint e : endpoints) {
            names.add(e.name());
        }
        return names;
    }
}
