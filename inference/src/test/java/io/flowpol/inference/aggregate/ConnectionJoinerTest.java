package io.flowpol.inference.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.orient.OrientedRecord;
import io.flowpol.inference.resolve.EndpointKind;
import io.flowpol.inference.resolve.Endpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionJoinerTest {
    private static final long MINUTE = 60_000L;
    private static final long HORIZON = 10 * MINUTE;

    private final Endpoints endpoints = new Endpoints(List.of());
    private final int client = endpoints.add(EndpointKind.VPC_ADDRESS, -1, -1, 0, IpAddress.v4Lo(0x0A000001));
    private final int server = endpoints.add(EndpointKind.VPC_ADDRESS, -1, -1, 0, IpAddress.v4Lo(0x0A000002));
    private final List<Map<String, Long>> emitted = new ArrayList<>();
    private final ConnectionJoiner joiner = new ConnectionJoiner(HORIZON, endpoints, c -> emitted.add(Map.of(
            "clientPort", (long) c.clientPort, "packets", c.packets, "interfaces", (long) c.interfaces,
            "reply", c.replySeen ? 1L : 0L)));

    private void add(long interfaceId, int clientPort, boolean reply, long minute, long packets) {
        OrientedRecord r = new OrientedRecord();
        r.protocol = Protocol.TCP;
        r.clientPort = clientPort;
        r.serverPort = 443;
        r.clientEndpoint = client;
        r.clientExact = true;
        r.serverEndpoint = server;
        r.serverExact = true;
        r.reply = reply;
        r.interfaceId = interfaceId;
        r.packets = packets;
        r.bytes = packets * 100;
        r.startMillis = minute * MINUTE;
        r.endMillis = r.startMillis + 59_000;
        r.tcpFlags = -1;
        r.proof = DirectionProof.EPHEMERAL_RANGE;
        joiner.add(r);
    }

    @Test
    void evictionByHorizonKeepsLiveConnectionsBounded() {
        int maxLive = 0;
        for (int i = 0; i < 5_000; i++) {
            add(1, 33000 + i % 20000, false, i, 1);
            add(1, 33000 + i % 20000, true, i, 1);
            maxLive = Math.max(maxLive, joiner.liveConnections());
        }
        // One connection per minute: a 10 minute horizon, swept every 5 minutes, holds at most ~16.
        assertTrue(maxLive <= 17, "live connections grew to " + maxLive);
        assertTrue(emitted.size() > 4_900, "evicted " + emitted.size());
        joiner.flush();
        assertEquals(5_000, emitted.size());
        assertEquals(0, joiner.liveConnections());
    }

    @Test
    void recordsOfOneConnectionFromFourRecordsAreOneConnection() {
        add(1, 40000, false, 0, 10);
        add(1, 40000, true, 0, 12);
        add(2, 40000, false, 0, 7);
        add(2, 40000, true, 0, 9);
        joiner.flush();
        assertEquals(1, emitted.size());
        assertEquals(22L, emitted.get(0).get("packets"));
        assertEquals(2L, emitted.get(0).get("interfaces"));
        assertEquals(1L, emitted.get(0).get("reply"));
    }

    @Test
    void connectionQuietLongerThanTheHorizonIsHandedOverTwice() {
        add(1, 40000, false, 0, 1);
        add(1, 50000, false, 30, 1);
        add(1, 40000, false, 31, 1);
        joiner.flush();
        assertEquals(3, emitted.size());
        assertFalse(emitted.stream().anyMatch(e -> e.get("reply") == 1L));
    }
}
