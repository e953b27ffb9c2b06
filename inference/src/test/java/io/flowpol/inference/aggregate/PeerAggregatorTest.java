package io.flowpol.inference.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.PeerSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 13 item 4: many distinct peers are summarised as they are counted, totals exact. */
class PeerAggregatorTest {
    private static final Peer FRONTEND = Peer.vpcAddress(IpAddress.parse("10.0.1.20"));

    private static long v4(int a, int b, int c, int d) {
        return IpAddress.v4Lo((a << 24) | (b << 16) | (c << 8) | d);
    }

    private static List<PeerSummary> summaries(PeerAggregator aggregator) {
        return aggregator.summaries(id -> FRONTEND, false);
    }

    @Test
    void aClassUnderTheLimitKeepsEveryAddressWithItsOwnEvidence() {
        PeerAggregator aggregator = new PeerAggregator(256);
        for (int i = 0; i < 200; i++) {
            aggregator.add(7, true, false, 0, v4(198, 18, i / 100, i % 100), 6, 443, 10, 1000 + i, 1_000 + i, 2_000 + i, 1);
            aggregator.add(7, true, false, 0, v4(198, 18, i / 100, i % 100), 6, 443, 5, 500, 5_000, 6_000, 1);
        }
        Map<IpAddress, Long> connections = new HashMap<>();
        aggregator.forEachExact((other, client, vpc, address, protocol, port, evidence) -> {
            assertEquals(7, other);
            assertTrue(client);
            assertEquals(15, evidence.packets());
            assertEquals(1_000 + (address.v4() & 0xFF) + 100 * ((address.v4() >> 8) & 0xFF), evidence.firstSeen());
            assertEquals(6_000, evidence.lastSeen());
            connections.put(address, evidence.connections());
        });
        assertEquals(200, connections.size());
        assertTrue(connections.values().stream().allMatch(c -> c == 2));
        assertEquals(List.of(), summaries(aggregator));
    }

    @Test
    void oneHundredThousandClientsAreBoundedNetworksWithExactTotals() {
        PeerAggregator aggregator = new PeerAggregator(256);
        Random random = new Random(13);
        Map<Integer, Set<Integer>> truth = new HashMap<>();
        long connections = 0;
        long bytes = 0;
        Set<Integer> clients = new HashSet<>();
        // 100,000 distinct clients from 40 /16 networks (400 /24s), plus a heavy hitter in the first one.
        for (int i = 0; i < 100_000; i++) {
            int net = i % 40;
            int host = (i / 40) % 250 + 1;
            int third = (i / 40) / 250;
            int address = (81 << 24) | ((net * 7) << 16) | (third << 8) | host;
            clients.add(address);
            int times = 1 + random.nextInt(3);
            for (int t = 0; t < times; t++) {
                long b = 100 + random.nextInt(1000);
                aggregator.add(3, true, false, 0, IpAddress.v4Lo(address), 6, 8080, 4, b, i, i + 10, 1);
                connections++;
                bytes += b;
            }
            truth.computeIfAbsent(address >>> 8, k -> new HashSet<>()).add(address);
        }
        int heavy = (81 << 24) | 1;
        for (int t = 0; t < 5_000; t++) {
            aggregator.add(3, true, false, 0, IpAddress.v4Lo(heavy), 6, 8080, 4, 10, 0, 1, 1);
        }
        connections += 5_000;
        bytes += 50_000;
        clients.add(heavy);
        truth.computeIfAbsent(heavy >>> 8, k -> new HashSet<>()).add(heavy);

        List<PeerSummary> summaries = summaries(aggregator);
        assertEquals(1, summaries.size());
        PeerSummary s = summaries.get(0);
        assertEquals(connections, s.evidence().connections(), "connections exact");
        assertEquals(bytes, s.evidence().bytes(), "bytes exact");
        assertEquals(clients.size(), s.distinctAddresses(), "distinct IPv4 clients exact");
        assertTrue(s.distinctExact());
        assertTrue(s.networks().size() <= PeerGroup.MAX_NETWORKS + 2, "bounded: " + s.networks().size());
        assertEquals(truth.size(), s.networks().size(), "one summary per /24 while under the network limit");
        long sum = 0;
        for (PeerSummary.Network n : s.networks()) {
            assertEquals(24, n.network().prefix());
            assertEquals(truth.get(n.network().base().v4() >>> 8).size(), n.distinctAddresses(), n.network().toString());
            assertTrue(n.top().size() <= NetworkTally.TOP);
            sum += n.evidence().connections();
        }
        assertEquals(connections, sum, "networks add up to the total");
        PeerSummary.Network first = s.networks().stream().filter(n -> n.network().equals(Cidr.parse("81.0.0.0/24")))
                .findFirst().orElseThrow();
        PeerSummary.Address top = first.top().get(0);
        assertEquals(IpAddress.ofV4(heavy), top.ip(), "the heavy hitter is the busiest address");
        assertTrue(top.connections() >= 5_000 && top.connections() - top.overcount() <= 5_000, top.toString());
    }

    @Test
    void networksBeyondTheLimitShareOneEstimatedCatchAllAndMemoryStaysBounded() {
        PeerAggregator aggregator = new PeerAggregator(256);
        Random random = new Random(19);
        Set<Integer> clients = new HashSet<>();
        Set<Integer> networks = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            int address = random.nextInt() | 0x0100_0000; // scanners from anywhere
            aggregator.add(3, true, false, 0, IpAddress.v4Lo(address), 6, 22, 1, 60, i, i, 1);
            clients.add(address);
            networks.add(address >>> 8);
        }
        PeerSummary s = summaries(aggregator).get(0);
        assertEquals(200_000, s.evidence().connections());
        assertEquals(PeerGroup.MAX_NETWORKS + 1, s.networks().size(), "the networks up to the limit and one catch-all");
        PeerSummary.Network rest = s.networks().get(s.networks().size() - 1);
        assertEquals(Cidr.parse("0.0.0.0/0"), rest.network());
        assertFalse(s.distinctExact(), "the catch-all's count is an estimate");
        assertTrue(Math.abs(s.distinctAddresses() - clients.size()) < clients.size() * 0.05,
                s.distinctAddresses() + " vs " + clients.size());
        assertTrue(Math.abs(rest.networks() - (networks.size() - PeerGroup.MAX_NETWORKS)) < networks.size() * 0.05,
                rest.networks() + " vs " + networks.size());
        assertEquals(1, aggregator.classes());
    }

    @Test
    void publicAndPrivateClientsAreSeparateClasses() {
        PeerAggregator aggregator = new PeerAggregator(1);
        List<Boolean> seen = new ArrayList<>();
        aggregator.add(3, true, false, 0, v4(10, 9, 0, 1), 6, 443, 1, 1, 0, 0, 1);
        aggregator.add(3, true, false, 0, v4(81, 2, 0, 1), 6, 443, 1, 1, 0, 0, 1);
        aggregator.forEachExact((other, client, vpc, address, protocol, port, evidence) -> seen.add(vpc));
        assertEquals(2, aggregator.classes());
        assertEquals(2, seen.size());
        assertTrue(PeerAggregator.isPrivate(0, v4(172, 20, 1, 1)));
        assertTrue(PeerAggregator.isPrivate(0, v4(100, 64, 0, 1)));
        assertFalse(PeerAggregator.isPrivate(0, v4(100, 128, 0, 1)));
        assertTrue(PeerAggregator.isPrivate(IpAddress.parse("fd00::1").hi(), IpAddress.parse("fd00::1").lo()));
    }
}
