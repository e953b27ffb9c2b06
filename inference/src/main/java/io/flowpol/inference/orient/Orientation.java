package io.flowpol.inference.orient;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Protocol;

/**
 * Decides which side of a record is the server, strongest evidence first (DESIGN.md fact 7).
 * Each rule reads both sides the same way, so swapping source and destination (the reply of
 * a request) swaps the answer: request and reply orient alike. A record of a protocol without
 * ports gets a provisional answer ({@link DirectionProof#FIRST_SEEN}) that the connection's
 * first record settles once joined.
 *
 * <p>{@link #orient} answers with an {@code int} verdict that carries the proof with the
 * direction ({@link #sourceIsServer(int)}, {@link #proof(int)}): nothing is left on the side for
 * a later call to read, and nothing is allocated per record.
 */
public final class Orientation {
    /** Linux {@code net.ipv4.ip_local_port_range} default. */
    static final int EPHEMERAL_LOW = 32768;
    static final int EPHEMERAL_HIGH = 60999;
    private static final int SYN = 2;
    private static final int ACK = 16;
    private static final int SYN_ACK = SYN | ACK;

    private static final DirectionProof[] PROOFS = DirectionProof.values();

    private final PortDeclarations declarations;

    public Orientation(PortDeclarations declarations) {
        this.declarations = declarations;
    }

    /**
     * Which side is the server, and by which proof: read the verdict with
     * {@link #sourceIsServer(int)} and {@link #proof(int)}. {@code srcAnchor}/{@code dstAnchor}
     * only break a tie of equal ports, consistently for both directions.
     */
    public int orient(int protocol, int tcpFlags, long t,
                      int srcEndpoint, boolean srcAmbiguous, int srcPort, long srcAnchor,
                      int dstEndpoint, boolean dstAmbiguous, int dstPort, long dstAnchor) {
        if (protocol == Protocol.TCP && tcpFlags > 0) {
            // AWS: flags are OR-ed over the interval; SYN-ACK (18) comes only from the server,
            // a SYN without ACK only from the initiator.
            if ((tcpFlags & SYN_ACK) == SYN_ACK) {
                return verdict(DirectionProof.TCP_FLAGS, true);
            }
            if ((tcpFlags & SYN) != 0) {
                return verdict(DirectionProof.TCP_FLAGS, false);
            }
        }
        if (portless(protocol, srcPort, dstPort)) {
            // Provisional and symmetric, so that both directions join under one key; the joiner
            // keeps which direction came first and the router orients by it (issue 12 item 5).
            return verdict(DirectionProof.FIRST_SEEN, srcAnchor < dstAnchor);
        }
        boolean srcDeclares = declarations.declares(srcEndpoint, srcAmbiguous, protocol, srcPort, t);
        boolean dstDeclares = declarations.declares(dstEndpoint, dstAmbiguous, protocol, dstPort, t);
        if (srcDeclares != dstDeclares) {
            return verdict(DirectionProof.DECLARED_PORT, srcDeclares);
        }
        boolean srcEphemeral = isEphemeral(srcPort);
        boolean dstEphemeral = isEphemeral(dstPort);
        if (srcEphemeral != dstEphemeral) {
            return verdict(DirectionProof.EPHEMERAL_RANGE, dstEphemeral);
        }
        if (srcPort != dstPort) {
            return verdict(DirectionProof.LOWER_PORT, srcPort < dstPort);
        }
        return verdict(DirectionProof.LOWER_PORT, srcAnchor < dstAnchor);
    }

    /** True when the verdict of {@link #orient} says the source is the server. */
    public static boolean sourceIsServer(int verdict) {
        return (verdict & 1) != 0;
    }

    /** The proof behind the verdict of {@link #orient}. */
    public static DirectionProof proof(int verdict) {
        return PROOFS[verdict >>> 1];
    }

    private static int verdict(DirectionProof proof, boolean sourceIsServer) {
        return proof.ordinal() << 1 | (sourceIsServer ? 1 : 0);
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
