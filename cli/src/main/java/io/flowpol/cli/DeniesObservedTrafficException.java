package io.flowpol.cli;

/** The policies under test would deny traffic that was observed: exit 3 (verify, diff, generate's self-check). */
public final class DeniesObservedTrafficException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeniesObservedTrafficException(String message) {
        super(message);
    }
}
