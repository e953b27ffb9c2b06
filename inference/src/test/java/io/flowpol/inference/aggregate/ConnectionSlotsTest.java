package io.flowpol.inference.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.resolve.UnresolvedReason;
import org.junit.jupiter.api.Test;

class ConnectionSlotsTest {
    private final ConnectionSlots slots = new ConnectionSlots();

    @Test
    void endsKeepEndpointStateAndReasonApart() {
        int s = slots.allocate(1, 2, 100);
        slots.setEnd(s, true, Integer.MAX_VALUE, ConnectionSlots.EXACT, UnresolvedReason.NODE_ADDRESS_UNMATCHED);
        slots.setEnd(s, false, 7, ConnectionSlots.AMBIGUOUS, null);
        long client = slots.end(s, true);
        long server = slots.end(s, false);
        assertEquals(Integer.MAX_VALUE, ConnectionSlots.endpoint(client));
        assertEquals(ConnectionSlots.EXACT, ConnectionSlots.state(client));
        assertEquals(UnresolvedReason.NODE_ADDRESS_UNMATCHED, ConnectionSlots.reason(client));
        assertEquals(7, ConnectionSlots.endpoint(server));
        assertEquals(ConnectionSlots.AMBIGUOUS, ConnectionSlots.state(server));
        assertNull(ConnectionSlots.reason(server));
    }

    @Test
    void everyReasonRoundTrips() {
        int s = slots.allocate(1, 2, 100);
        for (UnresolvedReason reason : UnresolvedReason.values()) {
            slots.setEnd(s, false, 3, ConnectionSlots.AMBIGUOUS, reason);
            assertEquals(reason, ConnectionSlots.reason(slots.end(s, false)));
        }
    }

    @Test
    void flagsAreOredPerSideAndDoNotLeakIntoEachOther() {
        int s = slots.allocate(1, 2, 100);
        assertFalse(slots.hasFlags(s));
        slots.addFlags(s, false, 2);
        slots.addFlags(s, false, 16);
        slots.addFlags(s, true, 18);
        slots.addFlags(s, true, 1);
        assertTrue(slots.hasFlags(s));
        assertEquals(18, slots.clientFlags(s));
        assertEquals(19, slots.serverFlags(s));
    }

    @Test
    void interfacesAreDistinctAndCappedAtThree() {
        int s = slots.allocate(1, 2, 100);
        for (long id : new long[] {10, 11, 10, 12, 13, 11}) {
            slots.addInterface(s, id);
        }
        assertEquals(3, slots.interfaceCount(s));
        assertEquals(10, slots.interfaceAt(s, 0));
        assertEquals(11, slots.interfaceAt(s, 1));
        assertEquals(12, slots.interfaceAt(s, 2));
    }

    @Test
    void freedSlotIsReusedWithNothingLeftOver() {
        int s = slots.allocate(1, 2, 100);
        slots.setEnd(s, true, 5, ConnectionSlots.EXACT, UnresolvedReason.POD_IP_NOT_ASSIGNED);
        slots.addInterface(s, 10);
        slots.addTraffic(s, 3, 300);
        slots.widen(s, 50, 200);
        slots.markSeen(s, true);
        slots.markConflict(s);
        slots.addFlags(s, false, 2);
        slots.addProofs(s, 0b101);
        slots.free(s);
        assertFalse(slots.inUse(s));

        int again = slots.allocate(3, 4, 1_000);
        assertEquals(s, again);
        assertTrue(slots.inUse(again));
        assertEquals(3, slots.keyA(again));
        assertEquals(4, slots.keyB(again));
        assertEquals(ConnectionSlots.NONE, ConnectionSlots.state(slots.end(again, true)));
        assertEquals(0, slots.interfaceCount(again));
        assertEquals(0, slots.packets(again));
        assertEquals(0, slots.bytes(again));
        assertEquals(1_000, slots.first(again));
        assertEquals(Long.MIN_VALUE, slots.last(again));
        assertFalse(slots.requestSeen(again) || slots.replySeen(again) || slots.conflict(again) || slots.hasFlags(again));
        assertEquals(0, slots.proofs(again));
    }

    @Test
    void growingKeepsEarlierSlots() {
        for (int i = 0; i < 1_000; i++) {
            int s = slots.allocate(i, -i, i);
            slots.addTraffic(s, i, 2L * i);
        }
        for (int s = 0; s < 1_000; s++) {
            assertEquals(s, slots.keyA(s));
            assertEquals(-s, slots.keyB(s));
            assertEquals(s, slots.packets(s));
            assertEquals(2L * s, slots.bytes(s));
        }
        assertEquals(1_000, slots.highWater());
    }

    @Test
    void widenKeepsTheOuterBounds() {
        int s = slots.allocate(1, 2, 500);
        slots.widen(s, 600, 700);
        slots.widen(s, 400, 650);
        assertEquals(400, slots.first(s));
        assertEquals(700, slots.last(s));
        slots.markSeen(s, false);
        assertTrue(slots.requestSeen(s));
        assertFalse(slots.replySeen(s));
    }
}
