package io.flowpol.inference.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lists of a result are sorted whoever builds it (issue 17 item 5: the doc said so, nothing did). */
class InferenceResultTest {
    private static final Evidence SEEN = new Evidence(1, 2, 3, 0, 0, Set.of());

    private static Edge edge(String client, String server, int port) {
        return new Edge(Peer.workload(new WorkloadId("shop", "Deployment", client)),
                Peer.workload(new WorkloadId("shop", "Deployment", server)), 6, port, null, SEEN);
    }

    private static SnatEgress snat(String node, String destination, int port) {
        return new SnatEgress(node, IpAddress.parse(destination), 6, port, SEEN, List.of());
    }

    @Test
    void edgesAndAttemptsAreInTheirNaturalOrder() {
        Edge a = edge("api", "db", 5432);
        Edge b = edge("api", "db", 6379);
        Edge c = edge("web", "api", 8080);
        InferenceResult result = new InferenceResult(List.of(c, b, a), List.of(b, c, a), null, null, null);
        assertEquals(List.of(a, b, c), result.edges());
        assertEquals(List.of(a, b, c), result.attempts());
    }

    @Test
    void snatEgressIsByNodeDestinationProtocolAndPort() {
        SnatEgress a = snat("node-a", "52.0.0.2", 443);
        SnatEgress b = snat("node-a", "52.0.0.10", 80);
        SnatEgress c = snat("node-b", "1.1.1.1", 53);
        assertEquals(List.of(a, b, c), new InferenceResult(null, null, List.of(c, b, a), null, null).snatEgress());
    }

    @Test
    void findingsKeepTheirGivenOrder() {
        Finding warning = new Finding(Finding.Severity.WARNING, "b", "second", 1);
        Finding info = new Finding(Finding.Severity.INFO, "a", "first", 1);
        assertEquals(List.of(warning, info), new InferenceResult(null, null, null, null, List.of(warning, info)).findings());
    }
}
