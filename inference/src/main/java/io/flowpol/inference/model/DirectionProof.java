package io.flowpol.inference.model;

/** What showed which side was the server (DESIGN.md fact 7), strongest first. */
public enum DirectionProof {
    /** SYN without ACK from the client, or SYN-ACK (18) from the server. */
    TCP_FLAGS,
    /** The server side declares the port (containerPort, Service port, EndpointSlice). */
    DECLARED_PORT,
    /** Exactly one side's port lies in the Linux ephemeral range 32768-60999. */
    EPHEMERAL_RANGE,
    /** The same port seen with many peers. */
    PORT_FAN_IN,
    /** Nothing better: the lower port was taken as the server's. */
    LOWER_PORT
}
