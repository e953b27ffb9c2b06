package io.flowpol.inference.model;

/**
 * A warning or note for the report: a stable {@code code} (e.g. {@code missing-pkt-fields},
 * {@code skipdata}, {@code snat-egress}, {@code overlay-network}), a message that says what
 * it costs and what to do, and how many records or connections it concerns.
 */
public record Finding(Severity severity, String code, String message, long count) {
    public enum Severity { INFO, WARNING, ERROR }

    public Finding {
        if (severity == null || code == null || message == null) {
            throw new IllegalArgumentException("severity, code and message are required");
        }
    }
}
