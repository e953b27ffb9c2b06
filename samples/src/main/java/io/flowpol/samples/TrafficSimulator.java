package io.flowpol.samples;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plays the traffic plan minute by minute and writes what the VPC's flow logs capture of it,
 * streaming: state is per pod and per connection pool, never per record.
 *
 * <p>Each ENI aggregates over 60-second intervals with its own phase (fact 1); a record
 * lands in the interval of its ENI that contains it. After each minute, the intervals that
 * can no longer receive records are closed: an ENI that saw nothing gets a NODATA record,
 * and one chosen ENI-interval loses its records and reports SKIPDATA (fact 8).
 */
final class TrafficSimulator {
    private final ScenarioOptions options;
    private final FlowLogWriter writer;
    private final TruthRecorder truth;
    private final List<TrafficEdge> edges;
    private final FlowCapture capture;
    private final SplittableRandom random;
    private final NodePlan scanned;
    private final Map<String, Integer> nextPort = new HashMap<>();
    private final List<ConnectionPool> pools = new ArrayList<>();
    private final double shortWeights;

    TrafficSimulator(ClusterPlan plan, ScenarioOptions options, FlowLogWriter writer, TruthRecorder truth) {
        this(plan, options, writer, truth, 0);
    }

    /** With {@code internetClients} public clients of the frontend ({@link InternetClientTraffic}). */
    TrafficSimulator(ClusterPlan plan, ScenarioOptions options, FlowLogWriter writer, TruthRecorder truth,
                     int internetClients) {
        this.options = options;
        this.writer = writer;
        this.truth = truth;
        this.edges = new TrafficPlan(plan, options, internetClients).edges();
        this.random = new Ids(options.seed(), 5).random();
        this.capture = new FlowCapture(plan, options, writer, random);
        this.scanned = plan.nodes().get(0);
        double weights = 0;
        for (TrafficEdge e : edges) {
            weights += e.mode() == TrafficEdge.Mode.SHORT ? e.rate() : 0;
            pools.add(e.mode() == TrafficEdge.Mode.POOLED ? new ConnectionPool(e, this) : null);
        }
        this.shortWeights = weights;
    }

    void run() throws IOException {
        long t0 = options.start().getEpochSecond();
        int minutes = options.minutes();
        for (int m = 0; m < minutes && !writer.full(); m++) {
            long minuteStart = t0 + 60L * m;
            writer.at(Instant.ofEpochSecond(minuteStart));
            for (int e = 0; e < edges.size(); e++) {
                TrafficEdge edge = edges.get(e);
                switch (edge.mode()) {
                    case SHORT -> shortConnections(edge, minuteStart);
                    case POOLED -> pools.get(e).minute(m, minuteStart);
                    case ATTEMPT -> {
                        // first at minute 7, then every rate() minutes
                        if (m >= 7 && (m - 7) % (int) edge.rate() == 0) {
                            attempt(edge, minuteStart + random.nextInt(50));
                        }
                    }
                }
            }
            if (m == 13 || m == minutes - 17) {
                reject(minuteStart + 20 + random.nextInt(30));
            }
            // Records of minute m+1 fall into intervals >= m at every ENI: m-1 is final.
            capture.closeInterval(m - 1);
        }
        capture.closeInterval(minutes - 1);
    }

    private void shortConnections(TrafficEdge edge, long minuteStart) throws IOException {
        double rate = options.connectionsPerMinute() * edge.rate() / shortWeights;
        int count = (int) rate + (random.nextDouble() < rate - (int) rate ? 1 : 0);
        for (int i = 0; i < count; i++) {
            long t = minuteStart + random.nextInt(60);
            Instant at = Instant.ofEpochSecond(t);
            Endpoint client = pick(edge.clients().at(at));
            Endpoint server = pick(edge.servers().at(at));
            if (client == null || server == null) {
                continue;
            }
            boolean udp = edge.protocol() == FlowLine.UDP;
            long requestPackets = udp ? 1 : 4 + random.nextInt(12);
            long replyPackets = udp ? 1 : 3 + random.nextInt(20);
            FlowCapture.Flow flow = new FlowCapture.Flow(client, server, edge.protocol(), ephemeralPort(client),
                    edge.port(), t, t + (udp ? 0 : random.nextInt(4)), -1,
                    udp ? 0 : FlowLine.SYN | FlowLine.FIN, udp ? 0 : FlowLine.SYN_ACK | FlowLine.FIN,
                    requestPackets, requestPackets * (udp ? 60 + random.nextInt(40) : 90 + random.nextInt(400)),
                    replyPackets, replyPackets * (udp ? 90 + random.nextInt(200) : 200 + random.nextInt(1200)), true, true);
            record(edge, flow);
        }
    }

    /** A SYN and its retransmissions at 1 s and 3 s; the policy drop happens inside the node. */
    private void attempt(TrafficEdge edge, long t) throws IOException {
        Instant at = Instant.ofEpochSecond(t);
        Endpoint client = pick(edge.clients().at(at));
        Endpoint server = pick(edge.servers().at(at));
        if (client == null || server == null) {
            return;
        }
        record(edge, new FlowCapture.Flow(client, server, edge.protocol(), ephemeralPort(client), edge.port(), t,
                t + 3, -1, FlowLine.SYN, 0, 3, 180, 0, 0, false, true));
    }

    /** Writes a flow's records and counts it in the truth. */
    void record(TrafficEdge edge, FlowCapture.Flow flow) throws IOException {
        boolean visible = capture.write(flow);
        if (flow.firstOfConnection()) {
            truth.connection(flow.client(), flow.server(), edge.protocol(), edge.port(), edge.portName(),
                    flow.replied(), visible, capture.snat(flow.client(), flow.server()));
        }
    }

    private void reject(long t) throws IOException {
        capture.reject(scanned.eni(), TrafficPlan.SCANNER, 40_000 + random.nextInt(25_000), 22, t);
        truth.rejected();
    }

    Endpoint pick(List<Endpoint> candidates) {
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    SplittableRandom random() {
        return random;
    }

    /** Linux picks source ports in 32768–60999 (net.ipv4.ip_local_port_range); fact 7. */
    int ephemeralPort(Endpoint client) {
        int port = nextPort.getOrDefault(client.name(), 32768 + random.nextInt(28232));
        int next = port + 1 + random.nextInt(7);
        nextPort.put(client.name(), next > 60999 ? 32768 + (next - 61000) : next);
        return port;
    }
}
