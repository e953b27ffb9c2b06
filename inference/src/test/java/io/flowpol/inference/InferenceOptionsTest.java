package io.flowpol.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import org.junit.jupiter.api.Test;

class InferenceOptionsTest {
    private static boolean inDefaultVpc(String ip) {
        return InferenceOptions.DEFAULT_VPC_CIDRS.stream().anyMatch(c -> c.contains(IpAddress.parse(ip)));
    }

    @Test
    void defaultVpcRangesCoverPrivateSharedAndUniqueLocalAddresses() {
        assertTrue(inDefaultVpc("10.1.2.3"));
        assertTrue(inDefaultVpc("172.31.0.5"));
        assertTrue(inDefaultVpc("192.168.9.9"));
        assertTrue(inDefaultVpc("100.64.3.4"));
        assertTrue(inDefaultVpc("fd00::1"));
        assertFalse(inDefaultVpc("52.1.2.3"));
        assertFalse(inDefaultVpc("2600:1f18::1"));
    }

    @Test
    void nullCidrsMeanTheDefaultsAndAnEmptyWindowIsRejected() {
        InferenceOptions options = new InferenceOptions(null, 1000, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(InferenceOptions.DEFAULT_VPC_CIDRS, options.vpcCidrs());
        assertThrows(IllegalArgumentException.class, () -> options.withWindow(10, 10));
        assertThrows(IllegalArgumentException.class, () -> options.withJoinHorizon(0));
        assertEquals(java.util.List.of(Cidr.parse("10.0.0.0/16")),
                options.withVpcCidrs(java.util.List.of(Cidr.parse("10.0.0.0/16"))).vpcCidrs());
    }
}
