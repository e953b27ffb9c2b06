package io.flowpol.cli.options;

import java.time.Instant;
import picocli.CommandLine.Option;

/** Restricts the flows considered to a time window (flow-record start times). */
public final class WindowOptions {

    @Option(names = "--since", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only flows starting at or after TIME (RFC 3339, e.g. 2026-11-30T10:00:00Z). Default: all.")
    public Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only flows starting before TIME (RFC 3339). Default: all.")
    public Instant until;

    public long sinceMillis() {
        return since == null ? Long.MIN_VALUE : since.toEpochMilli();
    }

    public long untilMillis() {
        return until == null ? Long.MAX_VALUE : until.toEpochMilli();
    }
}
