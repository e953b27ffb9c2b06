package io.flowpol.inference.aggregate;

import io.flowpol.inference.orient.OrientedRecord;
import io.flowpol.inference.resolve.Endpoints;
import io.flowpol.inference.resolve.UnresolvedReason;
import java.util.function.Consumer;

/**
 * Joins the records of one connection (DESIGN.md facts 1 and 2). Key: protocol, client port,
 * server port, client anchor, server anchor. Without {@code pkt-*} addresses a pod or node end
 * anchors at its node: the client ENI's records name (node A → pod B) and the server ENI's
 * (pod A → node B), and both map to (A, B). A record whose ends both came from {@code pkt-*}
 * addresses keys on those exact ends instead, as nothing needs joining across ENIs. Per key
 * it keeps the best resolution of each end, the interfaces seen, request/reply seen and counts
 * packets from the first interface only.
 *
 * <p>A node-anchored key is shared by every connection of two nodes with those ports, so it
 * holds one slot per stretch of time: a record joins the slot whose records lie within
 * {@link #SKEW_MILLIS} of it, else starts another. Two pods' connections whose ports collided
 * at different times so join separately; only simultaneous ones still name two pods for one end
 * (a conflict, never an edge). A connection idle longer than that is handed over in pieces,
 * each joined from both ENIs.
 *
 * <p>Live state is a {@link SlotIndex} (key hash → slot) over {@link ConnectionSlots} (one
 * struct per connection), sized for cache misses rather than for lookups (issue 7): nearly
 * every connection's first record and its eviction touch memory no recent record touched.
 *
 * <p>A key whose last record is older than {@code watermark − horizon} is evicted and handed
 * to the consumer, so live state is bounded by the connections of one horizon. A connection
 * that is quiet longer than the horizon is therefore handed over (and counted) twice.
 */
public final class ConnectionJoiner {
    /**
     * How far apart in time two ENIs' records of the same packets may be: a record's start and end
     * "might be up to 60 seconds after the packet was transmitted or received on the network
     * interface" (AWS, Flow log records). Records of a node-anchored key further apart than this
     * from every record of a live connection start another connection of that key.
     */
    static final long SKEW_MILLIS = 60_000;
    private final long horizon;
    private final Endpoints endpoints;
    private final Consumer<JoinedConnection> consumer;
    private final JoinedConnection out = new JoinedConnection();
    private final SlotIndex index = new SlotIndex(1024);
    private final ConnectionSlots slots = new ConnectionSlots();
    private long watermark = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;
    /**
     * A change counter per bucket of the ports key ({@link #key}): every record added and every
     * connection evicted moves its bucket's on. {@link #awaitsPartner} reads only connections of
     * one ports key, so while its bucket has not moved, its answer has not changed: ENI learning
     * asks again every 15 s of log time for each record it holds, and mostly need not (issue 13:
     * 25 M lookups for 124 k held records). 2^16 buckets: a bucket moves in a tenth of those 15 s.
     */
    private final long[] portsKeyStamps = new long[1 << 16];
    private long stampClock;

    public ConnectionJoiner(long horizonMillis, Endpoints endpoints, Consumer<JoinedConnection> consumer) {
        if (horizonMillis <= 0) {
            throw new IllegalArgumentException("horizonMillis <= 0: " + horizonMillis);
        }
        this.horizon = horizonMillis;
        this.endpoints = endpoints;
        this.consumer = consumer;
    }

    public void add(OrientedRecord r) {
        // With pkt-* addresses every record names both real ends: key on them, so that two pods of one
        // node whose flows share ports (Insights rows fold client ports into one) stay two connections.
        // Without them, ends anchor at their node, where the two ENIs' records of a flow meet (fact 2).
        long keyA = r.packetAddresses
                ? (exactAnchor(r.clientEndpoint) << 32) | exactAnchor(r.serverEndpoint)
                : anchors(endpoints.anchor(r.clientEndpoint), endpoints.anchor(r.serverEndpoint));
        long keyB = key(r.protocol, r.clientPort, r.serverPort);
        touch(keyB);
        int hash = SlotIndex.hash(keyA, keyB);
        // A key of two node anchors is shared by every connection of two nodes with these ports: the
        // records of one connection are those within SKEW_MILLIS of each other (docs/multi-eni.md).
        // Keys with an exact end (pkt-* addresses, VPC and external addresses): one slot, as before.
        boolean stretches = !r.packetAddresses && (keyA >>> 32) < Integer.MAX_VALUE
                && (keyA & 0xFFFF_FFFFL) < Integer.MAX_VALUE;
        long from = stretches ? r.startMillis - SKEW_MILLIS : Long.MIN_VALUE;
        long to = stretches ? r.endMillis + SKEW_MILLIS : Long.MAX_VALUE;
        int p = index.nextDuring(hash, keyA, keyB, slots, from, to, -1);
        boolean fresh = p < 0;
        int s;
        if (fresh) {
            int before = stretches ? latestStretch(hash, keyA, keyB) : -1;
            s = slots.allocate(keyA, keyB, r.startMillis);
            index.insert(hash, s);
            if (before >= 0) {
                slots.markContinues(s, slots.endpoints(before));
            }
        } else {
            s = index.slotAt(p);
            if (stretches) {
                joinStretches(s, p, hash, keyA, keyB, from, to);
            }
        }
        ConnectionSlots c = slots;
        updateEnd(s, true, r.clientEndpoint, r.clientExact, r.clientReason);
        updateEnd(s, false, r.serverEndpoint, r.serverExact, r.serverReason);
        boolean firstInterface = c.interfaceCount(s) == 0 || c.interfaceAt(s, 0) == r.interfaceId;
        c.addInterface(s, r.interfaceId);
        if (firstInterface) {
            c.addTraffic(s, Math.max(0, r.packets), Math.max(0, r.bytes));
        }
        c.markFirst(s, fresh, r.startMillis, r.reply);
        c.widen(s, r.startMillis, r.endMillis);
        c.markSeen(s, r.reply);
        if (r.tcpFlags >= 0) {
            c.addFlags(s, r.reply, r.tcpFlags);
        }
        c.addProofs(s, 1 << r.proof.ordinal());
        advance(r.endMillis);
    }

    /**
     * A record that meets two stretches of one key joins them: records come in near, not exact,
     * time order (DESIGN.md fact 14; records held back while an ENI is learned), so the middle of
     * a connection may arrive after both its ends. The scan goes on from {@code at}, the position of
     * {@code s}, the first match; removing an entry shifts the probe chain, so it starts again after
     * each join; joins are rare.
     */
    private void joinStretches(int s, int at, int hash, long keyA, long keyB, long from, long to) {
        for (int p = index.nextDuring(hash, keyA, keyB, slots, from, to, at); p >= 0;
                p = index.nextDuring(hash, keyA, keyB, slots, from, to, p)) {
            int o = index.slotAt(p);
            if (o != s) {
                mergeEnd(s, true, slots.end(o, true));
                mergeEnd(s, false, slots.end(o, false));
                slots.absorb(s, o);
                index.remove(hash, o);
                slots.free(o);
                p = -1;
            }
        }
    }

    /** The live stretch of the key seen last, -1 when none: a new stretch may be that connection going on. */
    private int latestStretch(int hash, long keyA, long keyB) {
        int latest = -1;
        for (int p = index.nextDuring(hash, keyA, keyB, slots, Long.MIN_VALUE, Long.MAX_VALUE, -1); p >= 0;
                p = index.nextDuring(hash, keyA, keyB, slots, Long.MIN_VALUE, Long.MAX_VALUE, p)) {
            int s = index.slotAt(p);
            if (latest < 0 || slots.last(s) > slots.last(latest)) {
                latest = s;
            }
        }
        return latest;
    }

    private void mergeEnd(int s, boolean client, long end) {
        int state = ConnectionSlots.state(end);
        if (state != ConnectionSlots.NONE) {
            updateEnd(s, client, ConnectionSlots.endpoint(end), state == ConnectionSlots.EXACT,
                    ConnectionSlots.reason(end));
        }
    }

    /**
     * True when a live connection has this key (see {@link #key}), was seen within
     * {@code [from, to]}, and still waits for its partner: records from one interface only, whose
     * client (or server) end is a real address. That is what the other ENI's records of a
     * connection look like to a record held back by ENI learning (DESIGN.md fact 13); a connection
     * already joined from two interfaces is someone else's that happens to share the ports.
     */
    public boolean awaitsPartner(long keyA, long keyB, long from, long to, boolean clientEnd) {
        // Every stretch of the key within [from, to] must be waiting: one already joined from two
        // interfaces is someone else's connection there, and a vote must not count on it.
        int hash = SlotIndex.hash(keyA, keyB);
        boolean any = false;
        for (int p = index.nextDuring(hash, keyA, keyB, slots, from, to, -1); p >= 0;
                p = index.nextDuring(hash, keyA, keyB, slots, from, to, p)) {
            int s = index.slotAt(p);
            if (slots.interfaceCount(s) != 1
                    || ConnectionSlots.state(slots.end(s, clientEnd)) != ConnectionSlots.EXACT) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Where the live connections of ports key {@code keyB} stand: equal values mean no record of
     * the key was added and none of its connections evicted in between, so {@link #awaitsPartner}
     * gives the same answer for it (a different value may be another key of the same bucket).
     */
    public long portsKeyStamp(long keyB) {
        return portsKeyStamps[stampBucket(keyB)];
    }

    private void touch(long keyB) {
        portsKeyStamps[stampBucket(keyB)] = ++stampClock;
    }

    private static int stampBucket(long keyB) {
        // Client port (the ephemeral one, mostly), server port and protocol folded into 16 bits.
        return (int) ((keyB >>> 16) ^ (keyB * 0x9E37) ^ (keyB >>> 32)) & 0xFFFF;
    }

    /** The second half of a record's key: protocol and ports. */
    public static long key(int protocol, int clientPort, int serverPort) {
        return ((long) protocol << 32) | ((long) clientPort << 16) | serverPort;
    }

    /** The first half of a v2 record's key: the client's and the server's anchors. */
    public static long anchors(long clientAnchor, long serverAnchor) {
        return (clientAnchor << 32) | serverAnchor;
    }

    /** Disjoint from {@link Endpoints#anchor}'s ranges (node ids, and {@code Integer.MAX_VALUE + endpoint}). */
    private static long exactAnchor(int endpoint) {
        return 0xC000_0000L + endpoint;
    }

    private void updateEnd(int s, boolean client, int endpoint, boolean exact, UnresolvedReason reason) {
        long end = slots.end(s, client);
        int held = ConnectionSlots.state(end);
        int state = exact ? ConnectionSlots.EXACT : ConnectionSlots.AMBIGUOUS;
        if (held < state) {
            slots.setEnd(s, client, endpoint, state, reason);
        } else if (exact && state == held && ConnectionSlots.endpoint(end) != endpoint
                && endpoints.peer(ConnectionSlots.endpoint(end)) != endpoints.peer(endpoint)) {
            slots.markConflict(s);
        }
    }

    /** Evicts every key idle for longer than the horizon; sweeps every half horizon of log time. */
    private void advance(long end) {
        if (end > watermark) {
            watermark = end;
        }
        if (lastSweep == Long.MIN_VALUE) {
            lastSweep = watermark;
        } else if (watermark - lastSweep >= horizon / 2) {
            lastSweep = watermark;
            evictBefore(watermark - horizon);
        }
    }

    private void evictBefore(long cutoff) {
        for (int s = 0; s < slots.highWater(); s++) {
            if (slots.inUse(s) && slots.last(s) < cutoff) {
                emit(s);
            }
        }
    }

    /** Hands every live connection to the consumer; call once at the end of the input. */
    public void flush() {
        evictBefore(Long.MAX_VALUE);
    }

    /** Connections currently held: bounded by the connections within one horizon (and a half). */
    public int liveConnections() {
        return index.size();
    }

    private void emit(int s) {
        ConnectionSlots c = slots;
        long keyB = c.keyB(s);
        touch(keyB);
        out.protocol = (int) (keyB >>> 32);
        out.clientPort = (int) (keyB >>> 16) & 0xFFFF;
        out.serverPort = (int) keyB & 0xFFFF;
        long client = c.end(s, true);
        out.clientEndpoint = ConnectionSlots.endpoint(client);
        out.clientExact = ConnectionSlots.state(client) == ConnectionSlots.EXACT;
        out.clientReason = ConnectionSlots.reason(client);
        long server = c.end(s, false);
        out.serverEndpoint = ConnectionSlots.endpoint(server);
        out.serverExact = ConnectionSlots.state(server) == ConnectionSlots.EXACT;
        out.serverReason = ConnectionSlots.reason(server);
        out.conflict = c.conflict(s);
        out.continued = c.continuesSameEnds(s);
        out.interfaces = c.interfaceCount(s);
        out.requestSeen = c.requestSeen(s);
        out.replySeen = c.replySeen(s);
        out.replyFirst = c.replyFirst(s);
        out.packets = c.packets(s);
        out.bytes = c.bytes(s);
        out.firstSeen = c.first(s);
        out.lastSeen = c.last(s);
        out.hasTcpFlags = c.hasFlags(s);
        out.clientFlags = c.clientFlags(s);
        out.serverFlags = c.serverFlags(s);
        out.proofs = c.proofs(s);
        index.remove(SlotIndex.hash(c.keyA(s), keyB), s);
        c.free(s);
        consumer.accept(out);
    }
}
