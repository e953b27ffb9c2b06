package io.flowpol.inference.aggregate;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.resolve.EndpointKind;
import io.flowpol.inference.resolve.Endpoints;
import io.flowpol.inference.resolve.UnresolvedReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decides what a joined connection proves. An end known only as a node address (DESIGN.md
 * fact 2) is the node when records from two or more interfaces were joined — the other end's
 * ENI would have shown a pod's real address — and is otherwise left unresolved: a pod is never
 * guessed. Node to external is SNAT egress (fact 3); a connection without a reply, or with a
 * SYN never answered by a SYN-ACK, is an attempt (fact 11). A connection of a protocol without
 * ports is turned so that the side seen first is the client. A join whose records named two
 * different pods for one end (colliding ports) is counted, not routed.
 */
public final class ConnectionRouter implements Consumer<JoinedConnection> {
    private static final int SYN = 2;
    private static final int SYN_ACK = 18;
    private static final int FIRST_SEEN = 1 << DirectionProof.FIRST_SEEN.ordinal();

    private final Endpoints endpoints;
    private final EdgeAggregator edges = new EdgeAggregator();
    private final EdgeAggregator attempts = new EdgeAggregator();
    private final EdgeAggregator snatEgress = new EdgeAggregator();
    private final EdgeAggregator conflicted = new EdgeAggregator();
    private final PeerAggregator peerEdges;
    private final PeerAggregator peerAttempts;
    private final long[] unresolved = new long[UnresolvedReason.values().length];
    private long conflicts;
    private long connections;
    private long podEgress;
    private final SnatObserver snatObserver;

    public ConnectionRouter(Endpoints endpoints) {
        this(endpoints, SnatObserver.NONE, 0);
    }

    /**
     * {@code snatObserver} sees each SNAT-ed connection, for its time-resolved candidates (issue 14).
     * {@code summariseAbove} &gt; 0 counts connections to VPC and external addresses in a
     * {@link PeerAggregator} that lists that many distinct addresses per class and summarises the
     * rest (issue 13 item 4); 0 keeps every address as an edge of its own.
     */
    public ConnectionRouter(Endpoints endpoints, SnatObserver snatObserver, int summariseAbove) {
        this.endpoints = endpoints;
        this.snatObserver = snatObserver;
        this.peerEdges = summariseAbove > 0 ? new PeerAggregator(summariseAbove) : null;
        this.peerAttempts = summariseAbove > 0 ? new PeerAggregator(summariseAbove) : null;
    }

    @Override
    public void accept(JoinedConnection c) {
        connections++;
        if ((c.proofs & FIRST_SEEN) != 0 && c.replyFirst) {
            // A port-less protocol (ICMP ...) was oriented provisionally to join both directions:
            // the side seen first is the client, the other one answered (issue 12 item 5).
            c.swapEnds();
        }
        EndpointKind clientKind = endpoints.kind(c.clientEndpoint);
        EndpointKind serverKind = endpoints.kind(c.serverEndpoint);
        boolean twoEnds = c.interfaces >= 2;
        // SNAT (fact 3): behind the node address toward the internet is the node or any of its
        // pods; SnatEgress reports exactly that, so the ambiguity needs no resolving.
        boolean snat = clientKind == EndpointKind.NODE && serverKind == EndpointKind.EXTERNAL;
        if (!(c.clientExact || twoEnds || snat) || !(c.serverExact || twoEnds)) {
            unresolved[UnresolvedReason.NODE_ADDRESS_UNMATCHED.ordinal()]++;
            return;
        }
        if (c.conflict) {
            // Records named two different pods for one end: two connections whose ports collided
            // under one node-anchored key (v2, busy nodes). Which pod it was would be a guess, and a
            // wrong guess is a wrong rule: reported, never an edge (docs/multi-eni.md).
            conflicts++;
            unresolved[UnresolvedReason.JOIN_CONFLICT.ordinal()]++;
            if (!isAttempt(c)) {
                // One of the candidate pairs (the ends first named), for the report to point at.
                conflicted.add(endpoints.peer(c.clientEndpoint), endpoints.peer(c.serverEndpoint), c.protocol,
                        c.serverPort, c.packets, c.bytes, c.firstSeen, c.lastSeen, c.proofs);
            }
            return;
        }
        countReason(c.clientReason);
        countReason(c.serverReason);
        boolean attempt = isAttempt(c);
        if (!snat && peerEdges != null && (loose(clientKind) || loose(serverKind))) {
            // Many distinct addresses are expected here (internet clients, scanners): count them per
            // class as they come, without a peer per address (issue 13 item 4).
            boolean clientVaries = loose(clientKind)
                    && (!loose(serverKind) || clientKind == EndpointKind.EXTERNAL || serverKind != EndpointKind.EXTERNAL);
            int address = clientVaries ? c.clientEndpoint : c.serverEndpoint;
            if (!attempt && clientKind == EndpointKind.POD && serverKind == EndpointKind.EXTERNAL) {
                podEgress++;
            }
            (attempt ? peerAttempts : peerEdges).add(endpoints.peer(clientVaries ? c.serverEndpoint : c.clientEndpoint),
                    clientVaries, endpoints.kind(address) == EndpointKind.VPC_ADDRESS, endpoints.ipHi(address),
                    endpoints.ipLo(address), c.protocol, c.serverPort, c.packets, c.bytes, c.firstSeen, c.lastSeen, c.proofs);
            return;
        }
        int clientPeer = endpoints.peer(c.clientEndpoint);
        int serverPeer = endpoints.peer(c.serverEndpoint);
        EdgeAggregator target = attempt ? attempts : snat ? snatEgress : edges;
        if (!attempt && clientKind == EndpointKind.POD && serverKind == EndpointKind.EXTERNAL) {
            // A pod's own address reached the internet: no node SNAT on its way (issue 14 item 5).
            podEgress++;
        }
        if (snat && !attempt) {
            snatObserver.connection(clientPeer, serverPeer, c.protocol, c.serverPort, c.firstSeen, c.lastSeen);
        }
        target.add(clientPeer, serverPeer, c.protocol, c.serverPort, c.packets, c.bytes, c.firstSeen, c.lastSeen, c.proofs,
                c.continued ? 0 : 1);
    }

    /** An end that may take many distinct addresses: not a recorded object. */
    private static boolean loose(EndpointKind kind) {
        return kind == EndpointKind.VPC_ADDRESS || kind == EndpointKind.EXTERNAL;
    }

    private static boolean isAttempt(JoinedConnection c) {
        if (!c.replySeen) {
            return true;
        }
        return c.hasTcpFlags && (c.clientFlags & SYN) != 0 && (c.serverFlags & SYN_ACK) != SYN_ACK;
    }

    private void countReason(UnresolvedReason reason) {
        if (reason != null) {
            unresolved[reason.ordinal()]++;
        }
    }

    public EdgeAggregator edges() {
        return edges;
    }

    public EdgeAggregator attempts() {
        return attempts;
    }

    /** Connections to VPC and external addresses, per class; null when every address is its own edge. */
    public PeerAggregator peerEdges() {
        return peerEdges;
    }

    public PeerAggregator peerAttempts() {
        return peerAttempts;
    }

    public EdgeAggregator snatEgress() {
        return snatEgress;
    }

    /** Connections per reason an end stayed unresolved or resolved only to a VPC address. */
    public Map<UnresolvedReason, Long> unresolved() {
        Map<UnresolvedReason, Long> out = new EnumMap<>(UnresolvedReason.class);
        for (UnresolvedReason reason : UnresolvedReason.values()) {
            if (unresolved[reason.ordinal()] > 0) {
                out.put(reason, unresolved[reason.ordinal()]);
            }
        }
        return out;
    }

    /** Connections from a pod's own address to an external one: external SNAT (or none) at work. */
    public long podEgress() {
        return podEgress;
    }

    /**
     * Per conflicted join that got a reply, the pair its ends were first named as: one of the
     * candidates, never an edge; the report names those no other connection proved.
     */
    public EdgeAggregator conflicted() {
        return conflicted;
    }

    public long conflicts() {
        return conflicts;
    }

    public long connections() {
        return connections;
    }
}
