package io.flowpol.samples;

import java.time.Instant;
import java.util.Map;

/**
 * One pod's life. It carries traffic from {@code running} to {@code stopping} (its
 * deletion timestamp, or the moment a Job pod succeeded); its IP is released at
 * {@code deleted}. {@code ip} is the node's IP for hostNetwork pods, otherwise a secondary
 * IP of {@code eni}, one of the node's ENIs (AWS VPC CNI, DESIGN.md fact 13); {@code eni} is
 * null until the IP is allocated. Null times mean "after the window".
 */
record PodPlan(String name, String uid, WorkloadPlan workload, String ownerKind, String ownerName, String ownerUid,
        Map<String, String> labels, NodePlan node, int ip, Instant created, Instant running, Instant stopping,
        Instant deleted, boolean succeeds, Eni eni) {

    PodPlan {
        labels = Map.copyOf(labels);
    }

    boolean carriesTrafficAt(Instant t) {
        return !t.isBefore(running) && (stopping == null || t.isBefore(stopping));
    }

    PodPlan withIp(int address, Eni on) {
        return new PodPlan(name, uid, workload, ownerKind, ownerName, ownerUid, labels, node, address, created,
                running, stopping, deleted, succeeds, on);
    }
}
