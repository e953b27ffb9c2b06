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

    /**
     * ENI learning reuses a held record's last answer of {@link ConnectionJoiner#awaitsPartner}
     * while its ports key's stamp stands still (issue 13), so the stamp must move with every change
     * that answer can see: a record of the key added, a connection of the key evicted.
     */
    @Test
    void thePortsKeyStampMovesWhenARecordOfTheKeyIsAddedOrItsConnectionEvicted() {
        long key = ConnectionJoiner.key(Protocol.TCP, 40000, 443);
        long other = ConnectionJoiner.key(Protocol.TCP, 40001, 443);
        long keyA = ConnectionJoiner.anchors(endpoints.anchor(client), endpoints.anchor(server));
        long before = joiner.portsKeyStamp(key);
        add(1, 40000, false, 0, 1);
        long added = joiner.portsKeyStamp(key);
        assertTrue(added != before, "a record of the key was added");
        assertTrue(joiner.awaitsPartner(keyA, key, 0, MINUTE, true));
        if (joiner.portsKeyStamp(other) != added) {
            add(1, 40001, false, 1, 1); // another key, another bucket: this key's stamp stands still
            assertEquals(added, joiner.portsKeyStamp(key));
        }
        add(2, 40000, true, 1, 1); // the other interface's record: the answer changes, and the stamp with it
        assertTrue(joiner.portsKeyStamp(key) != added);
        assertFalse(joiner.awaitsPartner(keyA, key, 0, 2 * MINUTE, true));
        long joined = joiner.portsKeyStamp(key);
        add(1, 40001, false, 30, 1); // log time runs past the horizon: the connection of the key is evicted
        assertTrue(emitted.stream().anyMatch(e -> e.get("clientPort") == 40000L));
        assertTrue(joiner.portsKeyStamp(key) != joined, "its connection was evicted");
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

    // v2 (DESIGN.md facts 2, 13): two pods of node 0 call pods of node 1 with the same ports. The
    // client ENI's records name (node 0 -> real server), the server ENI's (real client -> node 1).
    private final int node0 = endpoints.add(EndpointKind.VPC_ADDRESS, 0, -1, 0, IpAddress.v4Lo(0x0A000010));
    private final int node1 = endpoints.add(EndpointKind.VPC_ADDRESS, 1, -1, 0, IpAddress.v4Lo(0x0A000020));
    private final int podA = endpoints.add(EndpointKind.VPC_ADDRESS, 0, -1, 0, IpAddress.v4Lo(0x0A000011));
    private final int podB = endpoints.add(EndpointKind.VPC_ADDRESS, 0, -1, 0, IpAddress.v4Lo(0x0A000012));
    private final int server1 = endpoints.add(EndpointKind.VPC_ADDRESS, 1, -1, 0, IpAddress.v4Lo(0x0A000021));
    private final List<String> joined = new ArrayList<>();
    private final ConnectionJoiner v2Joiner = new ConnectionJoiner(HORIZON, endpoints, c -> joined.add(
            (c.conflict ? "conflict " : "") + c.clientEndpoint + "->" + c.serverEndpoint + " x" + c.interfaces
                    + (c.continued ? " continued" : "")));

    /** One minute (from {@code second} of the window) of a v2 connection: both directions at both ENIs. */
    private void v2Minute(int clientPod, long second) {
        for (int i = 0; i < 4; i++) {
            boolean clientEni = i < 2;
            OrientedRecord r = new OrientedRecord();
            r.protocol = Protocol.TCP;
            r.clientPort = 40000;
            r.serverPort = 8080;
            r.clientEndpoint = clientEni ? node0 : clientPod;
            r.clientExact = !clientEni;
            r.serverEndpoint = clientEni ? server1 : node1;
            r.serverExact = clientEni;
            r.reply = i % 2 == 1;
            r.interfaceId = clientEni ? 1 : 2;
            r.packets = 5;
            r.bytes = 500;
            // The server ENI's aggregation interval is 20 s behind the client's (AWS: up to 60 s).
            r.startMillis = (second + (clientEni ? 0 : 20)) * 1000;
            r.endMillis = r.startMillis + 55_000;
            r.tcpFlags = -1;
            r.proof = DirectionProof.DECLARED_PORT;
            v2Joiner.add(r);
        }
    }

    @Test
    void v2ConnectionsOfOneKeyApartInTimeJoinSeparately() {
        // Pod A's connection, idle for two minutes, then pod B's with the same ports: not one
        // connection naming two clients, but two, each joined from both ENIs.
        v2Minute(podA, 0);
        v2Minute(podA, 60);
        v2Minute(podB, 240);
        v2Joiner.flush();
        assertEquals(List.of(podA + "->" + server1 + " x2", podB + "->" + server1 + " x2"), joined);
    }

    @Test
    void aV2ConnectionIdleForMinutesIsHandedOverInStretchesCountedOnce() {
        v2Minute(podA, 0);
        v2Minute(podA, 240);
        v2Joiner.flush();
        assertEquals(List.of(podA + "->" + server1 + " x2", podA + "->" + server1 + " x2 continued"), joined);
    }

    @Test
    void v2ConnectionsOfOneKeyOverlappingInTimeStayAConflict() {
        v2Minute(podA, 0);
        v2Minute(podB, 50);
        v2Joiner.flush();
        assertEquals(List.of("conflict " + podA + "->" + server1 + " x2"), joined);
    }

    @Test
    void aRecordBridgingTwoTimeSlotsJoinsThem() {
        // Read out of time order (records held back while an ENI is learned, DESIGN.md fact 14):
        // minute 0 and minute 4 first, then minutes 1 to 3 of the same connection.
        v2Minute(podA, 0);
        v2Minute(podA, 240);
        for (long second = 60; second < 240; second += 60) {
            v2Minute(podA, second);
        }
        v2Joiner.flush();
        assertEquals(List.of(podA + "->" + server1 + " x2"), joined);
    }
}
