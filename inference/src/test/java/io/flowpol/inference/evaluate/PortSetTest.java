package io.flowpol.inference.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Protocol;
import org.junit.jupiter.api.Test;

class PortSetTest {

    @Test
    void unionMergesOverlappingAndAdjacentRanges() {
        PortSet set = PortSet.range(8080, 8089).union(PortSet.of(8090)).union(PortSet.of(53)).union(PortSet.range(8085, 8100));

        assertEquals("53,8080-8100", set.toString());
        assertTrue(set.contains(8095));
        assertFalse(set.contains(54));
        assertTrue(set.containsAll(PortSet.range(8081, 8099)));
        assertFalse(set.containsAll(PortSet.range(8081, 8101)));
    }

    @Test
    void equalSetsBuiltInAnyOrderAreEqual() {
        assertEquals(PortSet.of(1).union(PortSet.of(3)), PortSet.of(3).union(PortSet.of(1)));
    }

    @Test
    void invertedRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PortSet.range(90, 80));
    }

    @Test
    void connectionSetTextListsProtocolsByNameAndAllWhenEverythingIsOpen() {
        ConnectionSet some = ConnectionSet.of(Protocol.UDP, PortSet.of(53)).union(ConnectionSet.of(Protocol.TCP, PortSet.of(80)));
        ConnectionSet allButSctp = ConnectionSet.of(Protocol.TCP, PortSet.ALL).union(ConnectionSet.of(Protocol.UDP, PortSet.ALL));

        assertEquals("TCP 80,UDP 53", some.toString());
        assertEquals("TCP 1-65535,UDP 1-65535", allButSctp.toString());
        assertEquals("All Connections", allButSctp.union(ConnectionSet.of(Protocol.SCTP, PortSet.ALL)).toString());
        assertTrue(ConnectionSet.of(Protocol.TCP, PortSet.EMPTY).isEmpty());
    }
}
