package io.flowpol.inference.aggregate;

import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.PeerSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Counts connections whose one end is an unresolved VPC address or an external address as they
 * arrive, per class: the other end's peer, protocol, port, which end varies, and the address kind
 * (VPC, private external, public external: an internet-facing port's public clients never share a
 * class with an office's private ones). Each class is a {@link PeerGroup}: exact up to
 * {@code limit} distinct addresses, summarised per network beyond, so the memory and the output
 * grow with classes and networks, not with distinct clients (issue 13 item 4, issue 19 item 4).
 */
public final class PeerAggregator {
    /** Receives one exactly counted address of a class that stayed under the limit. */
    @FunctionalInterface
    public interface Visitor {
        void edge(int otherPeer, boolean addressIsClient, boolean vpc, IpAddress address, int protocol, int port,
                  Evidence evidence);
    }

    private static final int VPC = 0;
    private static final int PRIVATE = 1;
    private static final int PUBLIC = 2;

    private final int limit;
    private final LongPairIntMap index = new LongPairIntMap(64);
    private final List<PeerGroup> groups = new ArrayList<>();
    private final List<long[]> keys = new ArrayList<>();

    /** {@code limit}: distinct addresses a class lists one by one before it is summarised. */
    public PeerAggregator(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1: " + limit);
        }
        this.limit = limit;
    }

    public void add(int otherPeer, boolean addressIsClient, boolean vpc, long hi, long lo, int protocol, int port,
                    long packets, long bytes, long firstSeen, long lastSeen, int proofBits) {
        int kind = vpc ? VPC : isPrivate(hi, lo) ? PRIVATE : PUBLIC;
        long a = ((long) otherPeer << 32) | (kind << 1) | (addressIsClient ? 1 : 0);
        long b = ((long) protocol << 16) | port;
        int g = index.get(a, b);
        if (g < 0) {
            g = groups.size();
            index.getOrPut(a, b, g);
            groups.add(new PeerGroup(limit));
            keys.add(new long[] {a, b});
        }
        groups.get(g).add(hi, lo, packets, bytes, firstSeen, lastSeen, proofBits);
    }

    /** RFC 1918, RFC 6598 and IPv6 ULA: never an internet client (issue 19 item 3). */
    static boolean isPrivate(long hi, long lo) {
        if (IpAddress.isV4(hi, lo)) {
            int v4 = (int) lo;
            return (v4 >>> 24) == 10 || (v4 >>> 20) == (172 << 4 | 1) || (v4 >>> 16) == (192 << 8 | 168)
                    || (v4 >>> 22) == (100 << 2 | 1);
        }
        return (hi >>> 57) == (0xFC >>> 1);
    }

    /** Every address of the classes that stayed under the limit, with its exact evidence. */
    public void forEachExact(Visitor visitor) {
        for (int g = 0; g < groups.size(); g++) {
            PeerGroup group = groups.get(g);
            if (group.summarised()) {
                continue;
            }
            long[] key = keys.get(g);
            for (int e = 0; e < group.exactSize(); e++) {
                visitor.edge((int) (key[0] >>> 32), (key[0] & 1) != 0, ((key[0] >>> 1) & 3) == VPC,
                        new IpAddress(group.exactHi(e), group.exactLo(e)), (int) (key[1] >>> 16), (int) key[1] & 0xFFFF,
                        group.exactEvidence(e));
            }
        }
    }

    /** The summaries of the classes over the limit; {@code peers} maps a peer id to its peer. */
    public List<PeerSummary> summaries(IntFunction<Peer> peers, boolean attempts) {
        List<PeerSummary> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            PeerGroup group = groups.get(g);
            if (!group.summarised()) {
                continue;
            }
            long[] key = keys.get(g);
            List<PeerSummary.Network> networks = group.networks();
            long distinct = 0;
            boolean exact = true;
            for (PeerSummary.Network n : networks) {
                distinct += n.distinctAddresses();
                exact &= n.distinctExact();
            }
            boolean vpc = ((key[0] >>> 1) & 3) == VPC;
            out.add(new PeerSummary(peers.apply((int) (key[0] >>> 32)), (key[0] & 1) != 0,
                    vpc ? Peer.Kind.VPC_ADDRESS : Peer.Kind.EXTERNAL, attempts, (int) (key[1] >>> 16),
                    (int) key[1] & 0xFFFF, group.total(), distinct, exact, networks));
        }
        return out;
    }

    /** Classes counted so far (each bounded in memory). */
    public int classes() {
        return groups.size();
    }
}
