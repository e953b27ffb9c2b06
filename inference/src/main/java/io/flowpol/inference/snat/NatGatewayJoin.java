package io.flowpol.inference.snat;

import io.flowpol.inference.aggregate.JoinedConnection;
import io.flowpol.inference.resolve.EndpointKind;
import io.flowpol.inference.resolve.Endpoints;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Exact egress through a NAT gateway without {@code pkt-*} fields (issue 14 item 5, v2). With
 * {@code AWS_VPC_K8S_CNI_EXTERNALSNAT=true} a pod's connection to the internet is logged twice:
 * at its node's ENI as <em>node → destination</em> (v2 shows the ENI's primary address, fact 2)
 * and at the NAT gateway's ENI as <em>pod → gateway</em> (the packet arrives addressed to the
 * internet; an incoming record shows the interface's own address as {@code dstaddr}). Neither
 * names both ends; together they do. Both legs keep the pod's source port (only the gateway's own
 * leg to the internet is translated), so they are joined on protocol, both ports, the node the
 * pod runs on and overlapping time, into one <em>pod → destination</em> connection.
 *
 * <p>Sits between the {@code ConnectionJoiner} and the router: those two kinds of connection are
 * held until their partner comes or the joiner can no longer produce it (its horizon plus two
 * aggregation intervals of log time after the connection's end); everything else passes through.
 * A connection that matches more than one partner is left as it is rather than guessed. Risk, as
 * for every v2 join: two unrelated connections that share a node, both ports and the minute.
 */
public final class NatGatewayJoin implements Consumer<JoinedConnection> {
    /** Records of one connection at two ENIs differ by up to one aggregation interval (fact 1). */
    private static final long SLACK_MILLIS = 60_000;

    private final Endpoints endpoints;
    private final Consumer<JoinedConnection> next;
    private final long holdMillis;
    private final Map<Long, List<Held>> byPorts = new HashMap<>();
    private final ArrayDeque<Held> queue = new ArrayDeque<>();
    private final BitSet gateways = new BitSet();
    private long clock = Long.MIN_VALUE;
    private long joined;

    /** A held connection: a copy of the joiner's cursor, which it reuses. */
    private static final class Held {
        final JoinedConnection c = new JoinedConnection();
        final boolean nodeLeg;
        final int node;
        boolean done;

        Held(JoinedConnection from, boolean nodeLeg, int node) {
            copy(from, c);
            this.nodeLeg = nodeLeg;
            this.node = node;
        }
    }

    public NatGatewayJoin(Endpoints endpoints, long joinHorizonMillis, Consumer<JoinedConnection> next) {
        this.endpoints = endpoints;
        this.next = next;
        this.holdMillis = joinHorizonMillis + 2 * SLACK_MILLIS;
    }

    @Override
    public void accept(JoinedConnection c) {
        clock = Math.max(clock, c.lastSeen);
        EndpointKind client = endpoints.kind(c.clientEndpoint);
        EndpointKind server = endpoints.kind(c.serverEndpoint);
        boolean nodeLeg = client == EndpointKind.NODE && server == EndpointKind.EXTERNAL;
        // A conflict: records of two pods of one node with these ports met in the joiner; which was it?
        boolean gatewayLeg = client == EndpointKind.POD && c.clientExact && !c.conflict
                && server == EndpointKind.VPC_ADDRESS;
        if (nodeLeg || gatewayLeg) {
            hold(c, nodeLeg);
        } else {
            next.accept(c);
        }
        release(false);
    }

    private void hold(JoinedConnection c, boolean nodeLeg) {
        Held held = new Held(c, nodeLeg, endpoints.node(c.clientEndpoint));
        byPorts.computeIfAbsent(key(c), k -> new ArrayList<>(2)).add(held);
        queue.add(held);
    }

    /** The one live partner of {@code h}, or null when there is none or more than one. */
    private Held onlyPartner(Held h, List<Held> bucket) {
        Held partner = null;
        for (Held other : bucket) {
            if (!other.done && other.nodeLeg != h.nodeLeg && other.node == h.node && overlaps(other.c, h.c)) {
                if (partner != null) {
                    return null;
                }
                partner = other;
            }
        }
        return partner;
    }

    /** The pod of the gateway leg to the destination of the node leg; traffic counted once, at the node. */
    private void emitJoined(Held node, Held gateway) {
        JoinedConnection out = node.c;
        JoinedConnection g = gateway.c;
        gateways.set(g.serverEndpoint);
        out.clientEndpoint = g.clientEndpoint;
        out.clientExact = true;
        out.clientReason = g.clientReason;
        out.interfaces = Math.max(2, Math.min(3, out.interfaces + g.interfaces));
        out.requestSeen |= g.requestSeen;
        out.replySeen |= g.replySeen;
        out.firstSeen = Math.min(out.firstSeen, g.firstSeen);
        out.lastSeen = Math.max(out.lastSeen, g.lastSeen);
        out.hasTcpFlags |= g.hasTcpFlags;
        out.clientFlags |= g.clientFlags;
        out.serverFlags |= g.serverFlags;
        out.proofs |= g.proofs;
        joined++;
        next.accept(out);
    }

    private static boolean overlaps(JoinedConnection a, JoinedConnection b) {
        return a.firstSeen <= b.lastSeen + SLACK_MILLIS && b.firstSeen <= a.lastSeen + SLACK_MILLIS;
    }

    private static long key(JoinedConnection c) {
        return ((long) c.protocol << 32) | ((long) c.clientPort << 16) | c.serverPort;
    }

    /**
     * Hands on the held connections no new partner can reach any more (all of them at the end):
     * joined when each of the two is the other's only partner, else unchanged. Deciding this late
     * lets a second possible partner arrive first, so an ambiguous pair is never joined.
     */
    private void release(boolean all) {
        while (!queue.isEmpty() && (all || queue.peek().c.lastSeen + holdMillis < clock)) {
            Held h = queue.poll();
            if (h.done) {
                continue;
            }
            long key = key(h.c);
            List<Held> bucket = byPorts.get(key);
            Held partner = onlyPartner(h, bucket);
            boolean mutual = partner != null && onlyPartner(partner, bucket) == h;
            h.done = true;
            bucket.remove(h);
            if (mutual) {
                partner.done = true;
                bucket.remove(partner);
                if (bucket.isEmpty()) {
                    byPorts.remove(key);
                }
                emitJoined(h.nodeLeg ? h : partner, h.nodeLeg ? partner : h);
                continue;
            }
            if (bucket.isEmpty()) {
                byPorts.remove(key);
            }
            next.accept(h.c);
        }
    }

    /** Call once, after the joiner's own flush. */
    public void flush() {
        release(true);
    }

    /** Connections joined from a node leg and a gateway leg. */
    public long joined() {
        return joined;
    }

    /** Endpoint ids of the VPC addresses that pods' joined connections went through: NAT gateways. */
    public BitSet gateways() {
        return (BitSet) gateways.clone();
    }

    private static void copy(JoinedConnection from, JoinedConnection to) {
        to.protocol = from.protocol;
        to.clientPort = from.clientPort;
        to.serverPort = from.serverPort;
        to.clientEndpoint = from.clientEndpoint;
        to.clientExact = from.clientExact;
        to.clientReason = from.clientReason;
        to.serverEndpoint = from.serverEndpoint;
        to.serverExact = from.serverExact;
        to.serverReason = from.serverReason;
        to.conflict = from.conflict;
        to.continued = from.continued;
        to.interfaces = from.interfaces;
        to.requestSeen = from.requestSeen;
        to.replySeen = from.replySeen;
        to.replyFirst = from.replyFirst;
        to.packets = from.packets;
        to.bytes = from.bytes;
        to.firstSeen = from.firstSeen;
        to.lastSeen = from.lastSeen;
        to.hasTcpFlags = from.hasTcpFlags;
        to.clientFlags = from.clientFlags;
        to.serverFlags = from.serverFlags;
        to.proofs = from.proofs;
    }
}
