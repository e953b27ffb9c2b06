package io.flowpol.inference;

import static io.flowpol.inference.ClusterBuilder.deployment;
import static io.flowpol.inference.FlowBuilder.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowpol.inference.model.CandidateSet;
import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 item 1: a SNAT-ed connection's candidates are the workloads on its node at its time. */
class SnatCandidatesTest {
    static final String NODE_A = "10.0.1.10";
    static final String EXTERNAL = "52.1.2.3";
    static final WorkloadId FRONTEND = deployment("shop", "frontend");
    static final WorkloadId BATCH = deployment("shop", "batch");
    static final WorkloadId CRON = deployment("shop", "cron");
    static final WorkloadId AGENT = deployment("monitoring", "agent");

    private final ClusterBuilder cluster = new ClusterBuilder()
            .node("node-a", NODE_A)
            .pod("shop", "frontend", "frontend-1", "node-a", "10.0.1.21", -10, -1)
            .pod("shop", "batch", "batch-1", "node-a", "10.0.1.22", 0, 10)
            .pod("shop", "cron", "cron-1", "node-a", "10.0.1.23", 20, 30)
            .hostNetworkPod("monitoring", "agent", "agent-a", "node-a", NODE_A);

    private SnatEgress run(int... minutes) {
        FlowInference inference = new FlowInference(cluster.build(), InferenceOptions.defaults());
        FlowRecord cursor = new FlowRecord();
        int port = 41000;
        for (int minute : minutes) {
            port++;
            tcp("eni-a", NODE_A, port, EXTERNAL, 443, minute).into(inference, cursor);
            tcp("eni-a", EXTERNAL, 443, NODE_A, port, minute).into(inference, cursor);
        }
        List<SnatEgress> snat = inference.finish().snatEgress();
        assertEquals(1, snat.size(), () -> "snat: " + snat);
        return snat.get(0);
    }

    @Test
    void candidatesAreTheWorkloadsOnTheNodeAtTheConnectionsTime() {
        SnatEgress egress = run(5, 6, 25);
        // batch ran only until minute 10, cron only from minute 20: neither is a candidate of the other's time;
        // the hostNetwork agent sends from the node address too.
        assertEquals(List.of(new CandidateSet(List.of(AGENT, BATCH, FRONTEND), 2),
                new CandidateSet(List.of(AGENT, CRON, FRONTEND), 1)), egress.sets());
        assertEquals(List.of(AGENT, BATCH, CRON, FRONTEND), egress.candidates());
    }

    @Test
    void aPodIsACandidateUntilItEndsNotAfter() {
        // The record of minute 9 lasts until 9:59; batch ended at 10:00, the one of minute 10 sees it gone.
        SnatEgress egress = run(9, 10);
        assertEquals(List.of(new CandidateSet(List.of(AGENT, BATCH, FRONTEND), 1),
                new CandidateSet(List.of(AGENT, FRONTEND), 1)), egress.sets());
    }

    @Test
    void aConnectionOutsideEveryPodsLifeHasOnlyTheNodesOwnCandidates() {
        SnatEgress egress = run(15);
        assertEquals(List.of(new CandidateSet(List.of(AGENT, FRONTEND), 1)), egress.sets());
    }
}
