package io.flowpol.inference.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowpol.inference.model.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanIndexTest {
    private static final IpAddress ALONE = IpAddress.parse("10.0.1.20");
    private static final IpAddress REUSED = IpAddress.parse("10.0.1.30");
    private static final IpAddress V6 = IpAddress.parse("2600:1f14::7");

    private final Endpoints table = new Endpoints(List.of());
    private final SpanIndex index = new SpanIndex();
    private final int alone = table.add(EndpointKind.NODE, 0, -1, ALONE.hi(), ALONE.lo());
    private final int early = table.add(EndpointKind.NODE, 0, -1, REUSED.hi(), REUSED.lo());
    private final int late = table.add(EndpointKind.NODE, 1, -1, REUSED.hi(), REUSED.lo());
    private final int v6 = table.add(EndpointKind.NODE, 2, -1, V6.hi(), V6.lo());

    SpanIndexTest() {
        index.add(ALONE, 100, 200, alone);
        index.add(REUSED, 300, 400, late);
        index.add(REUSED, 100, 200, early);
        index.add(V6, 0, Long.MAX_VALUE, v6);
        index.build(table);
    }

    private int find(IpAddress ip, long millis) {
        return index.find(index.group(ip.hi(), ip.lo()), millis);
    }

    @Test
    void addressHeldByOneSpanResolvesOnlyInsideItsHalfOpenInterval() {
        assertEquals(-1, find(ALONE, 99));
        assertEquals(alone, find(ALONE, 100));
        assertEquals(alone, find(ALONE, 199));
        assertEquals(-1, find(ALONE, 200));
    }

    @Test
    void reusedAddressResolvesToTheSpanHoldingTheTime() {
        assertEquals(-1, find(REUSED, 50));
        assertEquals(early, find(REUSED, 150));
        assertEquals(-1, find(REUSED, 250));
        assertEquals(late, find(REUSED, 300));
        assertEquals(-1, find(REUSED, 400));
    }

    @Test
    void unknownAddressHasNoGroupAndV6IsIndexedToo() {
        IpAddress unknown = IpAddress.parse("10.0.0.99");
        assertEquals(-1, index.group(unknown.hi(), unknown.lo()));
        assertEquals(v6, find(V6, 5));
    }
}
