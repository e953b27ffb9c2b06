package io.flowpol.cli.options;

import java.time.Duration;
import picocli.CommandLine;

/** Parses {@code 90s}, {@code 10m}, {@code 24h}, {@code 7d} or ISO-8601 ({@code PT10M}). */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.trim();
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
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (expected e.g. 90s, 10m, 24h, 7d or PT10M)");
        }
    }
}
