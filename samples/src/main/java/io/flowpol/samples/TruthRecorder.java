package io.flowpol.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what the simulation really did, to write {@code truth.json}: one entry per
 * (client, server, protocol, port) that carried at least one connection or attempt, and the
 * IP reuses of the plan. Tests compare flowpol's learned edges with this file, never with
 * hard-coded counts. The map holds one entry per edge, not per connection.
 */
final class TruthRecorder {
    private static final class Tally {
        final Endpoint client;
        final Endpoint server;
        final int protocol;
        final int port;
        final String portName;
        long connections;
        long attempts;
        long crossNode;
        boolean snat;

        Tally(Endpoint client, Endpoint server, int protocol, int port, String portName) {
            this.client = client;
            this.server = server;
            this.protocol = protocol;
            this.port = port;
            this.portName = portName;
        }
    }

    private final Map<String, Tally> edges = new TreeMap<>();
    private long rejected;

    /** One connection (or attempt, when {@code replied} is false) as it happened. */
    void connection(Endpoint client, Endpoint server, int protocol, int port, String portName, boolean replied,
            boolean visible, boolean snat) {
        String key = client.peer() + " " + server.peer() + " " + protocol + " " + port;
        Tally t = edges.get(key);
        if (t == null) {
            t = new Tally(client, server, protocol, port, portName);
            edges.put(key, t);
        }
        if (replied) {
            t.connections++;
        } else {
            t.attempts++;
        }
        if (visible) {
            t.crossNode++;
        }
        t.snat |= snat;
    }

    void rejected() {
        rejected++;
    }

    void write(Path file, ClusterPlan plan, ScenarioOptions options) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("seed", options.seed()).put("start", options.start().toString())
                .put("end", options.end().toString()).put("account", plan.account())
                .put("region", plan.region()).put("vpcCidr", ClusterPlan.VPC_CIDR);
        ArrayNode list = root.putArray("edges");
        for (Tally t : edges.values()) {
            ObjectNode e = list.addObject();
            e.put("client", t.client.peer()).put("clientKind", t.client.peerKind());
            e.put("server", t.server.peer()).put("serverKind", t.server.peerKind());
            e.put("protocol", t.protocol == FlowLine.TCP ? "TCP" : "UDP").put("port", t.port);
            e.put("portName", t.portName);
            e.put("connections", t.connections).put("attempts", t.attempts).put("crossNodeConnections", t.crossNode);
            e.put("observableCrossNode", t.crossNode > 0).put("attemptOnly", t.connections == 0)
                    .put("snat", t.snat);
        }
        ArrayNode reuses = root.putArray("ipReuses");
        for (IpReuse r : plan.reuses()) {
            reuses.addObject().put("ip", r.ip()).put("firstPod", r.firstPod()).put("firstWorkload", r.firstWorkload())
                    .put("released", r.released().toString()).put("secondPod", r.secondPod())
                    .put("secondWorkload", r.secondWorkload()).put("acquired", r.acquired().toString())
                    .put("acrossWorkloads", r.acrossWorkloads());
        }
        root.put("rejectedRecords", rejected);
        mapper.writeValue(file.toFile(), root);
    }
}
