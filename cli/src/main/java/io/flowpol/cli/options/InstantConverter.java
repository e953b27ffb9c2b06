package io.flowpol.cli.options;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Parses an RFC 3339 date-time ({@code 2026-11-30T10:00:00Z}, {@code 2026-11-30T11:00:00+01:00},
 * fractional seconds allowed; RFC 3339 section 5.6 also allows a lowercase {@code t} and {@code z}).
 * A date without a time or offset is refused rather than guessed: the window decides which flows
 * become policy, so a silently assumed time zone would move it by hours.
 */
public final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    static final String EXPECTED = "expected an RFC 3339 time such as 2026-11-30T10:00:00Z";

    @Override
    public Instant convert(String value) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(EXPECTED + ", found '" + value + "'");
        }
        // RFC 3339 years have four digits; "+999999999-..." parses but overflows epoch milliseconds later.
        if (time.getYear() < 0 || time.getYear() > 9999) {
            throw new CommandLine.TypeConversionException(EXPECTED + ", found '" + value + "'");
        }
        return time.toInstant();
    }
}
