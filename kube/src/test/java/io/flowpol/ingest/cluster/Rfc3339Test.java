package io.flowpol.ingest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    private static final long TEN_O_CLOCK = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();

    @Test
    void utcAndOffsetsDenoteTheSameInstant() {
        assertEquals(TEN_O_CLOCK, Rfc3339.parse("2024-05-01T10:00:00Z"));
        assertEquals(TEN_O_CLOCK, Rfc3339.parse("2024-05-01T12:00:00+02:00"));
        assertEquals(TEN_O_CLOCK, Rfc3339.parse("2024-05-01t10:00:00z"));
        assertEquals(TEN_O_CLOCK, Rfc3339.parse("2024-05-01 10:00:00Z"));
    }

    @Test
    void fractionalSecondsAreKeptToTheMillisecond() {
        assertEquals(TEN_O_CLOCK + 123, Rfc3339.parse("2024-05-01T10:00:00.123456789Z"));
    }

    @Test
    void timeWithoutOffsetIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Rfc3339.parse("2024-05-01T10:00:00"));
        assertThrows(IllegalArgumentException.class, () -> Rfc3339.parse("yesterday"));
    }
}
