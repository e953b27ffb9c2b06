package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What synthesis could not express, collected once per distinct message and counted,
 * so that the report names every observed flow the policies do not cover.
 */
final class SynthesisFindings {
    private final Map<String, long[]> counts = new TreeMap<>();
    private final Map<String, Finding.Severity> severities = new TreeMap<>();

    void unselectable(Edge edge, Peer peer) {
        add(Finding.Severity.ERROR, "unselectable-peer", "no rule for " + edge.client() + " -> " + edge.server()
                + " " + Protocol.name(edge.protocol()) + " " + edge.port() + ": " + peer
                + " has no selector or address in the recording; the generated policies would deny it");
    }

    void unknownWorkload(WorkloadId id) {
        add(Finding.Severity.ERROR, "unknown-workload", "no policy for " + id
                + ": the recording has no controller selector for it, and its namespace's default deny applies");
    }

    /** Load balancer nodes are replaced as the load balancer scales (DESIGN.md fact 10). */
    void vpcAddress(WorkloadId id, Peer peer) {
        add(Finding.Severity.WARNING, "vpc-address-peer", id + " is allowed to or from " + peer + ", a VPC address that"
                + " is neither node nor pod (a load balancer?); load balancer addresses change when it scales:"
                + " widen the rule to its subnets if so");
    }

    void add(Finding.Severity severity, String code, String message) {
        String key = code + "\u0000" + message;
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        severities.put(key, severity);
    }

    List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        counts.forEach((key, n) -> {
            int split = key.indexOf('\u0000');
            out.add(new Finding(severities.get(key), key.substring(0, split), key.substring(split + 1), n[0]));
        });
        return out;
    }
}
