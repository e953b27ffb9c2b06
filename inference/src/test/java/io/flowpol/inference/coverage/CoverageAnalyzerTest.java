package io.flowpol.inference.coverage;

import static io.flowpol.inference.ClusterBuilder.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowpol.inference.ClusterBuilder;
import io.flowpol.inference.model.Coverage;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadPair;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageAnalyzerTest {
    private final ClusterBuilder cluster = new ClusterBuilder()
            .node("node-a", "10.0.1.10")
            .node("node-b", "10.0.2.10");

    private Coverage analyze(List<Edge> edges) {
        return new CoverageAnalyzer(cluster.build(), Long.MIN_VALUE, Long.MAX_VALUE).analyze(edges, Map.of());
    }

    private static Edge edge(String client, String server) {
        return new Edge(Peer.workload(deployment("shop", client)), Peer.workload(deployment("shop", server)),
                Protocol.TCP, 80, null, new Evidence(1, 1, 1, 0, 0, Set.of()));
    }

    @Test
    void pairAlwaysOnOneNodeIsReported() {
        cluster.pod("shop", "web", "web-1", "node-a", "10.0.1.21", 0, 60)
                .pod("shop", "db", "db-1", "node-a", "10.0.1.22", 0, 60);
        assertEquals(List.of(new WorkloadPair(deployment("shop", "web"), deployment("shop", "db"))),
                analyze(List.of()).colocatedPairs());
    }

    @Test
    void pairOnceOnDifferentNodesIsNotReported() {
        cluster.pod("shop", "web", "web-1", "node-a", "10.0.1.21", 0, 60)
                .pod("shop", "db", "db-1", "node-a", "10.0.1.22", 0, 30)
                .pod("shop", "db", "db-2", "node-b", "10.0.2.22", 30, 60);
        assertEquals(List.of(), analyze(List.of()).colocatedPairs());
    }

    @Test
    void pairThatNeverCoexistedIsNotReported() {
        cluster.pod("shop", "web", "web-1", "node-a", "10.0.1.21", 0, 10)
                .pod("shop", "db", "db-1", "node-a", "10.0.1.22", 20, 30);
        assertEquals(List.of(), analyze(List.of()).colocatedPairs());
    }

    @Test
    void pairWithAnObservedEdgeIsNotReportedAndNeitherIsSilent() {
        cluster.pod("shop", "web", "web-1", "node-a", "10.0.1.21", 0, 60)
                .pod("shop", "db", "db-1", "node-a", "10.0.1.22", 0, 60)
                .pod("shop", "idle", "idle-1", "node-b", "10.0.2.23", 0, 60);
        Coverage coverage = analyze(List.of(edge("web", "db")));
        assertEquals(List.of(), coverage.colocatedPairs());
        assertEquals(List.of(deployment("shop", "idle")), coverage.silentWorkloads());
    }
}
