package io.flowpol.inference.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpAddressTest {

    @Test
    void ipv4RoundTripsThroughTextAndIsMapped() {
        IpAddress a = IpAddress.parse("10.0.12.34");
        assertTrue(a.isV4());
        assertEquals("10.0.12.34", a.toString());
        assertEquals(IpAddress.ofV4((10 << 24) | (12 << 8) | 34), a);
    }

    @Test
    void ipv6IsPrintedInCompressedForm() {
        IpAddress a = IpAddress.parse("2600:1f14:0:0:0:0:0:1");
        assertFalse(a.isV4());
        assertEquals("2600:1f14::1", a.toString());
    }

    @Test
    void malformedAddressesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse("10.0.0"));
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse("10.0.0.256"));
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse("10.0.0.1."));
    }

    @Test
    void cidrContainsOnlyItsOwnFamilyAndRange() {
        Cidr block = Cidr.parse("10.1.0.0/16");
        assertTrue(block.contains(IpAddress.parse("10.1.255.3")));
        assertFalse(block.contains(IpAddress.parse("10.2.0.1")));
        assertFalse(Cidr.parse("::/0").contains(IpAddress.parse("10.1.0.1")));
        assertEquals("10.1.0.0/16", Cidr.parse("10.1.7.9/16").toString());
        assertTrue(Cidr.parse("0.0.0.0/0").contains(Cidr.parse("192.168.1.0/24")));
    }
}
