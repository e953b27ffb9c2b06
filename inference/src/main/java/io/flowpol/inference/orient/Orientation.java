package io.flowpol.inference.orient;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Protocol;

/**
 * Decides which side of a record is the server, strongest evidence first (DESIGN.md fact 7).
 * Each rule reads both sides the same way, so swapping source and destination (the reply of
 * a request) swaps the answer: request and reply orient alike. A record of a protocol without
 * ports gets a provisional answer ({@link DirectionProof#FIRST_SEEN}) that the connection's
 * first record settles once joined.
 */
public final class Orientation {
    /** Linux {@code net.ipv4.ip_local_port_range} default. */
    static final int EPHEMERAL_LOW = 32768;
    static final int EPHEMERAL_HIGH = 60999;
    private static final int SYN = 2;
    private static final int ACK = 16;
    private static final int SYN_ACK = SYN | ACK;

    private final PortDeclarations declarations;
    private DirectionProof lastProof;

    public Orientation(PortDeclarations declarations) {
        this.declarations = declarations;
    }

    /**
     * True when the source is the server. {@code srcAnchor}/{@code dstAnchor} only break a tie of
     * equal ports, consistently for both directions. Sets {@link #lastProof()}.
     */
    public boolean sourceIsServer(int protocol, int tcpFlags, long t,
                                  int srcEndpoint, boolean srcAmbiguous, int srcPort, long srcAnchor,
                                  int dstEndpoint, boolean dstAmbiguous, int dstPort, long dstAnchor) {
        if (protocol == Protocol.TCP && tcpFlags > 0) {
            // AWS: flags are OR-ed over the interval; SYN-ACK (18) comes only from the server,
            // a SYN without ACK only from the initiator.
            if ((tcpFlags & SYN_ACK) == SYN_ACK) {
                lastProof = DirectionProof.TCP_FLAGS;
                return true;
            }
            if ((tcpFlags & SYN) != 0) {
                lastProof = DirectionProof.TCP_FLAGS;
                return false;
            }
        }
        if (portless(protocol, srcPort, dstPort)) {
            // Provisional and symmetric, so that both directions join under one key; the joiner
            // keeps which direction came first and the router orients by it (issue 12 item 5).
            lastProof = DirectionProof.FIRST_SEEN;
            return srcAnchor < dstAnchor;
        }
        boolean srcDeclares = declarations.declares(srcEndpoint, srcAmbiguous, protocol, srcPort, t);
        boolean dstDeclares = declarations.declares(dstEndpoint, dstAmbiguous, protocol, dstPort, t);
        if (srcDeclares != dstDeclares) {
            lastProof = DirectionProof.DECLARED_PORT;
            return srcDeclares;
        }
        boolean srcEphemeral = isEphemeral(srcPort);
        boolean dstEphemeral = isEphemeral(dstPort);
        if (srcEphemeral != dstEphemeral) {
            lastProof = DirectionProof.EPHEMERAL_RANGE;
            return dstEphemeral;
        }
        lastProof = DirectionProof.LOWER_PORT;
        if (srcPort != dstPort) {
            return srcPort < dstPort;
        }
        return srcAnchor < dstAnchor;
    }

    /** The proof behind the latest {@link #sourceIsServer} answer. */
    public DirectionProof lastProof() {
        return lastProof;
    }

    /**
     * A protocol whose records carry no ports: anything but TCP, UDP and SCTP logged with port 0
     * or {@code -} at both ends (ICMP and ICMPv6 type/code are not logged either).
     */
    public static boolean portless(int protocol, int srcPort, int dstPort) {
        return protocol != Protocol.TCP && protocol != Protocol.UDP && protocol != Protocol.SCTP
                && srcPort <= 0 && dstPort <= 0;
    }

    static boolean isEphemeral(int port) {
        return port >= EPHEMERAL_LOW && port <= EPHEMERAL_HIGH;
    }
}
