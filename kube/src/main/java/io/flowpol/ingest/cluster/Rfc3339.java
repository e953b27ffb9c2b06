package io.flowpol.ingest.cluster;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * RFC 3339 timestamps ({@code 2024-05-01T10:00:00.123Z}, {@code ...+02:00}) to epoch ms.
 * An offset is required: a local time would shift every span by the recorder's time zone and
 * resolve flows to the wrong pod (DESIGN.md fact 6). RFC 3339 section 5.6 allows a lower-case
 * {@code t}/{@code z} and, by its note, a space for the {@code T}.
 */
final class Rfc3339 {

    private Rfc3339() {
    }

    /** Epoch milliseconds; IllegalArgumentException when not an RFC 3339 date-time. */
    static long parse(String text) {
        String normal = text.strip().toUpperCase(Locale.ROOT);
        if (normal.length() > 10 && normal.charAt(10) == ' ') {
            normal = normal.substring(0, 10) + 'T' + normal.substring(11);
        }
        try {
            return OffsetDateTime.parse(normal, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: " + text, e);
        }
    }
}
