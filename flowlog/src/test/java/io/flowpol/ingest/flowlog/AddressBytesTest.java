package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.IpAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressBytesTest {

    private final AddressBytes address = new AddressBytes();

    private boolean parse(String text) {
        byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
        return address.parse(bytes, 1, bytes.length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "0.0.0.0", "255.255.255.255", "172.31.16.139", "192.168.001.010",
        "2001:db8:1234:a100:8d6e:3477:df66:f105", "::", "::1", "1::", "fe80::1:2", "2001:DB8::FFFF",
        "1:2:3:4:5:6:7:8", "1:2:3:4:5:6::8", "::ffff:10.0.0.1", "64:ff9b::192.0.2.33", "1:2:3:4:5:6:1.2.3.4"})
    void agreesWithIpAddressParse(String text) {
        assertTrue(parse(text), text);
        IpAddress expected = IpAddress.parse(text);
        assertEquals(expected.hi(), address.hi, text);
        assertEquals(expected.lo(), address.lo, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "10.0.0", "10.0.0.1.2", "10.0.0.256", "10..0.1", "10.0.0.1.", "1234.0.0.1",
        "a.b.c.d", ":", ":::", "1:2", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::g", ":1::", "1:",
        "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "fe80::1%eth0", "eni-0abc"})
    void rejectsWhatIsNotAnAddress(String text) {
        assertFalse(parse(text), text);
    }

    @Test
    void ipv4IsStoredIpv4Mapped() {
        assertTrue(parse("10.1.2.3"));
        assertEquals(0L, address.hi);
        assertEquals(IpAddress.v4Lo(0x0A010203), address.lo);
        assertTrue(IpAddress.isV4(address.hi, address.lo));
    }
}
