package io.flowpol.inference.aggregate;

import io.flowpol.inference.resolve.UnresolvedReason;

/**
 * One connection as the joiner hands it over at eviction: a reused mutable cursor. An end is
 * {@code exact} when some record showed its real address; otherwise its endpoint is the node
 * address of the capturing ENI (DESIGN.md fact 2).
 */
public final class JoinedConnection {
    public int protocol;
    public int clientPort;
    public int serverPort;
    public int clientEndpoint;
    public boolean clientExact;
    public UnresolvedReason clientReason;
    public int serverEndpoint;
    public boolean serverExact;
    public UnresolvedReason serverReason;
    /** Two exact records named different peers for the same end. */
    public boolean conflict;
    /**
     * A later stretch of time of a v2 key whose stretch before named the same ends: most likely the
     * same connection after an idle minute, so it adds traffic but is not counted again.
     */
    public boolean continued;
    /** Distinct interface ids seen, capped at 3. */
    public int interfaces;
    public boolean requestSeen;
    public boolean replySeen;
    /** The earliest record (ties: the first read) went from the server to the client. */
    public boolean replyFirst;
    public long packets;
    public long bytes;
    public long firstSeen;
    public long lastSeen;
    public boolean hasTcpFlags;
    public int clientFlags;
    public int serverFlags;
    /** Bit set of {@link io.flowpol.inference.model.DirectionProof} ordinals. */
    public int proofs;

    /** Turns the connection around: the client becomes the server and a reply a request. */
    public void swapEnds() {
        int port = clientPort;
        clientPort = serverPort;
        serverPort = port;
        int endpoint = clientEndpoint;
        clientEndpoint = serverEndpoint;
        serverEndpoint = endpoint;
        boolean exact = clientExact;
        clientExact = serverExact;
        serverExact = exact;
        io.flowpol.inference.resolve.UnresolvedReason reason = clientReason;
        clientReason = serverReason;
        serverReason = reason;
        boolean seen = requestSeen;
        requestSeen = replySeen;
        replySeen = seen;
        replyFirst = !replyFirst;
        int flags = clientFlags;
        clientFlags = serverFlags;
        serverFlags = flags;
    }
}
