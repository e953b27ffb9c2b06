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
    LOWER_PORT,
    /**
     * A protocol without ports (ICMP, ICMPv6, GRE, ESP, ...): the side whose traffic was seen
     * first is the client, the other one answered. Flow logs carry no ICMP type (the AWS
     * examples log a ping as ports 0 0 both ways), so an echo request cannot be told from
     * its reply otherwise.
     */
    FIRST_SEEN
}
