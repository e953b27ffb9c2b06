package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void withAKnownInputSizeTheLineShowsShareMegabytesPerSecondAndTimeLeft() {
        // 250 of 1,000 MB in 2 s: 125 MB/s, 750 MB left = 6 s.
        assertEquals("flowpol: 25% of 1,000 MB, 3,000,000 records, 1,500,000 records/s, 125 MB/s, ETA 0:06 ",
                Progress.line(3_000_000, 2.0, 250_000_000L, 1_000_000_000L));
        // Minutes and seconds once it is long.
        assertEquals("flowpol: 1% of 10,000 MB, 1,000 records, 10 records/s, 1 MB/s, ETA 165:00 ",
                Progress.line(1_000, 100.0, 100_000_000L, 10_000_000_000L));
    }

    @Test
    void withoutAnInputSizeOnlyRecordsAreShown() {
        assertEquals("flowpol: 1,000 records, 500 records/s ", Progress.line(1_000, 2.0, 0, 0));
        assertEquals("flowpol: 1,000 records, 500 records/s ", Progress.line(1_000, 2.0, 0, 5_000_000));
    }
}
