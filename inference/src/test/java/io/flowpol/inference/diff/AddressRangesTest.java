package io.flowpol.inference.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.PortSet;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressRangesTest {
    private static long v4(String address) {
        return Integer.toUnsignedLong(io.flowpol.inference.model.IpAddress.parse(address).v4());
    }

    @Test
    void cidrsCutTheSpaceAtTheirFirstAndPastTheirLastAddress() {
        long[] starts = AddressRanges.starts(List.of(Cidr.parse("10.0.0.0/16"), Cidr.parse("10.0.5.7/32"),
                Cidr.parse("255.255.255.255/32"), Cidr.parse("0.0.0.0/0")));
        assertArrayEquals(new long[] {0, v4("10.0.0.0"), v4("10.0.5.7"), v4("10.0.5.8"), v4("10.1.0.0"),
            v4("255.255.255.255")}, starts);
    }

    @Test
    void anIntervalIsWrittenAsTheFewestCidrs() {
        assertEquals(List.of("0.0.0.0/0"), AddressRanges.cidrs(0, AddressRanges.SPACE));
        assertEquals(List.of("10.0.5.8/29", "10.0.5.16/28", "10.0.5.32/27"),
                AddressRanges.cidrs(v4("10.0.5.8"), v4("10.0.5.64")));
    }

    @Test
    void aRangeWithHolesIsItsEnclosingCidrExceptTheHoles() {
        AddressRanges.Summary s = AddressRanges.summary(List.of(new long[] {0, v4("169.254.169.254")},
                new long[] {v4("169.254.169.255"), AddressRanges.SPACE}));
        assertEquals("0.0.0.0/0", s.enclosing());
        assertEquals(List.of("169.254.169.254/32"), s.except());
    }

    @Test
    void differenceAndSizeOfConnectionSets() {
        ConnectionSet allTcp = ConnectionSet.of(Protocol.TCP, PortSet.ALL);
        ConnectionSet https = ConnectionSet.of(Protocol.TCP, PortSet.of(443));
        ConnectionSet rest = ConnectionMath.minus(allTcp, https);
        assertEquals("TCP 1-442,444-65535", rest.toString());
        assertEquals(65534, ConnectionMath.size(rest));
        assertEquals(ConnectionSet.NONE, ConnectionMath.minus(https, allTcp));
        assertEquals(3 * 65535L, ConnectionMath.size(ConnectionSet.ALL));
    }
}
