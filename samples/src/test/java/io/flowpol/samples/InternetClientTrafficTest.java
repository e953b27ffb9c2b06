package io.flowpol.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InternetClientTrafficTest {
    /** Issue 13: millions of distinct peers; the benchmarking range holds only 131,070 clients. */
    @Test
    void moreClientsThanTheBenchmarkingRangeHoldsAreAllDistinctAndExternal() {
        int clients = 300_000;
        ScenarioOptions options = new ScenarioOptions(11, Instant.parse("2026-12-01T00:00:00Z"), Duration.ofHours(1),
                10_000, 0);
        TrafficEdge edge = InternetClientTraffic.edge(t -> List.of(), new PortPlan("http", 8080, "TCP"), clients,
                options, 1.0);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < clients; i++) {
            Endpoint client = edge.clients().at(Instant.EPOCH).get(0);
            assertEquals("external", client.peerKind());
            int firstOctet = client.ip() >>> 24;
            assertTrue(firstOctet == 198 || firstOctet == 81, client.name());
            seen.add(client.ip());
        }
        assertEquals(clients, seen.size());
    }
}
