package io.flowpol.inference.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.IpAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 19 item 4: distinct internet clients cost endpoints only for the recent ones. */
class ExternalAddressesTest {
    private static long lo(int i) {
        return IpAddress.v4Lo((81 << 24) + i);
    }

    @Test
    void endpointsOfLongUnusedAddressesAreRecycledAndRecentOnesKeepTheirIds() {
        Endpoints endpoints = new Endpoints(List.of());
        ExternalAddresses externals = new ExternalAddresses(endpoints, 1_000);
        Map<Integer, Integer> recent = new HashMap<>();
        // 400,000 distinct clients, 10 per millisecond of log time: 10,000 within the recycling time.
        for (int i = 0; i < 400_000; i++) {
            long time = i / 10;
            int id = externals.find(0, lo(i), time);
            if (id < 0) {
                id = externals.add(0, lo(i));
            }
            assertEquals(IpAddress.ofV4((81 << 24) + i), endpoints.ip(id));
            assertEquals(EndpointKind.EXTERNAL, endpoints.kind(id));
            if (i >= 399_000) {
                recent.put(i, id);
            }
        }
        assertTrue(endpoints.size() < 100_000, "endpoints bounded by recent addresses: " + endpoints.size());
        assertTrue(externals.live() < 100_000, "live: " + externals.live());
        // An address used within the horizon keeps its endpoint.
        recent.forEach((i, id) -> assertEquals(id, externals.find(0, lo(i), 40_000)));
        // One long unused was forgotten: it is interned afresh, with its own address.
        assertEquals(-1, externals.find(0, lo(5), 40_000));
        int again = externals.add(0, lo(5));
        assertEquals(IpAddress.ofV4((81 << 24) + 5), endpoints.ip(again));
    }

    @Test
    void withoutRecyclingEveryAddressKeepsItsEndpoint() {
        Endpoints endpoints = new Endpoints(List.of());
        ExternalAddresses externals = new ExternalAddresses(endpoints, 0);
        for (int i = 0; i < 100_000; i++) {
            assertEquals(i, externals.add(0, lo(i)));
        }
        assertEquals(100_000, externals.live());
        assertEquals(5, externals.find(0, lo(5), 1_000_000));
    }
}
