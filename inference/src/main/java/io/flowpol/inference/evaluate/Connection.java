package io.flowpol.inference.evaluate;

/** A connection to decide: from {@code source} to {@code destination} on port and protocol (IANA number). */
public record Connection(EvalEndpoint source, EvalEndpoint destination, int protocol, int port) {
    public Connection {
        if (source == null || destination == null) {
            throw new IllegalArgumentException("source and destination are required");
        }
    }
}
