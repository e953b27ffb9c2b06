package io.flowpol.cli.options;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Parses {@code 90s}, {@code 10m}, {@code 24h}, {@code 7d} or ISO-8601 ({@code PT10M}), at most
 * {@link #MAX}: a larger value overflowed epoch milliseconds later and ended as exit 1 "long
 * overflow" (issue 12 item 11); refused here it is a usage error naming the flag (exit 2).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    /** Beyond any window or retention, and small enough that any RFC 3339 time plus it fits in epoch milliseconds. */
    public static final Duration MAX = Duration.ofDays(36_500);

    @Override
    public Duration convert(String value) {
        Duration d;
        try {
            d = parse(value.trim());
        } catch (ArithmeticException | NumberFormatException beyondLong) {
            throw tooLong(value); // "106751991167301d": more digits or days than a Duration holds
        }
        if (d == null) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (expected e.g. 90s, 10m, 24h, 7d or PT10M)");
        }
        if (d.compareTo(MAX) > 0 || d.compareTo(MAX.negated()) < 0) {
            throw tooLong(value);
        }
        return d;
    }

    private static CommandLine.TypeConversionException tooLong(String value) {
        return new CommandLine.TypeConversionException(
                "'" + value + "' is too long (expected at most " + shown(MAX) + ", 100 years)");
    }

    /** The duration, or null when {@code v} is none. */
    private static Duration parse(String v) {
        if (v.length() >= 2 && Character.isDigit(v.charAt(0))) {
            char unit = Character.toLowerCase(v.charAt(v.length() - 1));
            String number = v.substring(0, v.length() - 1);
            if (number.chars().allMatch(Character::isDigit)) {
                long n = Long.parseLong(number);
                switch (unit) {
                    case 's': return Duration.ofSeconds(n);
                    case 'm': return Duration.ofMinutes(n);
                    case 'h': return Duration.ofHours(n);
                    case 'd': return Duration.ofDays(n);
                    default: break;
                }
            }
        }
        try {
            return Duration.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** A duration as the user types it ("0s", "-1h", "36500d"), not ISO 8601's "PT0S". */
    public static String shown(Duration d) {
        if (!d.isZero() && d.toSeconds() % 86_400 == 0 && d.getNano() == 0) {
            return d.toDays() + "d";
        }
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
