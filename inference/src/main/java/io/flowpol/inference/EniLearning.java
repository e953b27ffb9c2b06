package io.flowpol.inference;

import io.flowpol.inference.aggregate.ConnectionJoiner;
import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.orient.OrientedRecord;
import io.flowpol.inference.resolve.EndpointKind;
import io.flowpol.inference.resolve.EndpointResolver;
import io.flowpol.inference.resolve.Endpoints;
import io.flowpol.inference.resolve.EniAddresses;
import io.flowpol.inference.resolve.EniOwners;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Holds back the records of an interface while its primary address or its node is being learned
 * (DESIGN.md fact 13, {@link EniAddresses}), and hands them to the pipeline once it is settled.
 * Only a record naming an address no recorded object holds waits: on a node's primary ENI, an API
 * server or branch ENI nothing does, so those records pass at once. A held record votes for the
 * node whose live connection it would join (same ports, protocol and time, the other end's
 * anchor); records wait at most half the join horizon, so the connections they join are still
 * live when they arrive. Records that still cannot be placed go on as they are: reported, never
 * guessed.
 */
final class EniLearning {
    /** What the pipeline does with a record: {@code prepare} resolves and orients it into the shared cursor. */
    interface Pipeline {
        void process(FlowRecord r, int eni);

        boolean prepare(FlowRecord r, int eni);
    }

    private static final class Held {
        final long seq;
        final int eni;
        final FlowRecord record = new FlowRecord();
        boolean voted;
        boolean chance;
        /** Its last probe's answer holds while these are as they were then ({@link #probe}). */
        boolean asked;
        long portsKey;
        long stamp;
        int primary;
        int nodes;

        Held(long seq, int eni, FlowRecord r) {
            this.seq = seq;
            this.eni = eni;
            record.copyFrom(r);
        }
    }

    /** Aggregation intervals are up to 60 s (fact 1): the two ENIs' records of a flow differ that much. */
    private static final long SLACK_MILLIS = 60_000;
    /** How often, in log time, held records look again for the connections they would join. */
    private static final long PROBE_EVERY_MILLIS = 15_000;

    private final EniAddresses enis;
    private final EniOwners owners;
    private final EndpointResolver resolver;
    private final Endpoints endpoints;
    private final ConnectionJoiner joiner;
    private final OrientedRecord oriented;
    private final Pipeline pipeline;
    private final long maxWait;
    private final List<ArrayDeque<Held>> held = new ArrayList<>();
    private int holding;
    private long seq;
    private long watermark = Long.MIN_VALUE;
    private long lastProbe = Long.MIN_VALUE;

    EniLearning(EniAddresses enis, EniOwners owners, EndpointResolver resolver, ConnectionJoiner joiner,
            OrientedRecord oriented, long horizonMillis, Pipeline pipeline) {
        this.enis = enis;
        this.owners = owners;
        this.resolver = resolver;
        this.endpoints = resolver.endpoints();
        this.joiner = joiner;
        this.oriented = oriented;
        this.maxWait = horizonMillis / 2;
        this.pipeline = pipeline;
    }

    /** Learns from a record of an unsettled interface; true when it was held back. */
    boolean hold(FlowRecord r, int eni) {
        long end = r.endMillis >= 0 ? r.endMillis : r.startMillis;
        if (enis.state(eni) == EniAddresses.LEARNING) {
            if (enis.learn(eni, r)) {
                int primary = resolver.resolve(enis.primaryHi(eni), enis.primaryLo(eni), r.startMillis, end);
                int owner = endpoints.kind(primary) == EndpointKind.VPC_ADDRESS
                        ? owners.owner(enis.primaryHi(eni), enis.primaryLo(eni), r.startMillis) : EniOwners.UNKNOWN;
                if (owner >= 0) {
                    settle(eni, owner); // the inventory: attached to the instance of a recorded node
                } else if (owner == EniOwners.NOT_A_NODE) {
                    settle(eni, -1); // the inventory: a load balancer's, NAT gateway's, ... ENI
                } else if (endpoints.kind(primary) == EndpointKind.VPC_ADDRESS) {
                    enis.startVoting(eni, primary);
                } else {
                    settle(eni, -1); // a node's InternalIP, a branch ENI's pod, an API server ENI
                }
            } else if (enis.contradicted(eni)) {
                settle(eni, -1);
            } else if (enis.twoCandidates(eni) && !enis.supposing(eni)) {
                suppose(eni, r, end);
            }
        }
        int state = enis.state(eni);
        if (state == EniAddresses.SETTLED) {
            return false;
        }
        if (r.hasPktSrcAddr && r.hasPktDstAddr) {
            if (state == EniAddresses.VOTING) {
                votePacketAddress(eni, r, end);
            }
            return false; // resolves exactly: nothing to wait for
        }
        if (state == EniAddresses.LEARNING ? !namesUnrecordedAddress(r, end) : !namesPrimary(eni, r)) {
            return false;
        }
        Held h = new Held(seq++, eni, r);
        queue(eni).add(h);
        holding++;
        if (voting(eni)) {
            probe(eni, h);
            decide(eni, false);
        }
        return true;
    }

    /**
     * Records of one peer only leave two candidates; when exactly one is an address no recorded
     * object holds, it is the ENI's primary if any is (the other, a pod or node, is then the
     * peer): vote on that supposition, and make it the primary only if the votes decide.
     */
    private void suppose(int eni, FlowRecord r, long end) {
        int first = resolver.resolve(enis.candidateHi(eni, 1), enis.candidateLo(eni, 1), r.startMillis, end);
        int second = resolver.resolve(enis.candidateHi(eni, 2), enis.candidateLo(eni, 2), r.startMillis, end);
        boolean firstUnrecorded = endpoints.kind(first) == EndpointKind.VPC_ADDRESS;
        boolean secondUnrecorded = endpoints.kind(second) == EndpointKind.VPC_ADDRESS;
        if (firstUnrecorded != secondUnrecorded) {
            int which = firstUnrecorded ? 1 : 2;
            int owner = owners.owner(enis.candidateHi(eni, which), enis.candidateLo(eni, which), r.startMillis);
            if (owner >= 0) {
                // The inventory lists the unrecorded address on an ENI of a recorded node's
                // instance: that is this interface's primary (the other end, a pod or node, is
                // the peer). Only a host process sending from a secondary ENI's primary IP to a
                // pod with its own branch ENI would look the same.
                enis.suppose(eni, which, firstUnrecorded ? first : second);
                enis.assume(eni);
                settle(eni, owner);
            } else if (owner == EniOwners.NOT_A_NODE) {
                settle(eni, -1); // a load balancer's, NAT gateway's ... ENI, or a pod's talking to one: no node to learn
            } else {
                enis.suppose(eni, which, firstUnrecorded ? first : second);
            }
        }
    }

    private boolean voting(int eni) {
        return enis.state(eni) == EniAddresses.VOTING || enis.supposing(eni);
    }

    /** Settles the interface when the votes decide; {@code last}: see {@link EniAddresses#decided}. */
    private boolean decide(int eni, boolean last) {
        int node = enis.decided(eni, last);
        if (node < 0) {
            return false;
        }
        if (enis.state(eni) == EniAddresses.LEARNING) {
            enis.assume(eni);
        }
        settle(eni, node);
        return true;
    }

    private boolean namesUnrecordedAddress(FlowRecord r, long end) {
        return endpoints.kind(resolver.resolve(r.srcHi, r.srcLo, r.startMillis, end)) == EndpointKind.VPC_ADDRESS
                || endpoints.kind(resolver.resolve(r.dstHi, r.dstLo, r.startMillis, end)) == EndpointKind.VPC_ADDRESS;
    }

    private boolean namesPrimary(int eni, FlowRecord r) {
        return enis.isPrimary(eni, r.srcHi, r.srcLo) || enis.isPrimary(eni, r.dstHi, r.dstLo);
    }

    /**
     * {@code pkt-*} names the local pod itself: its node is the interface's, no join needed. A
     * packet address equal to the primary means traffic of the ENI's own address (a load
     * balancer, NAT gateway, endpoint): no pod behind it, no node to learn.
     */
    private void votePacketAddress(int eni, FlowRecord r, long end) {
        boolean localIsSource = enis.isPrimary(eni, r.srcHi, r.srcLo);
        long hi = localIsSource ? r.pktSrcHi : r.pktDstHi;
        long lo = localIsSource ? r.pktSrcLo : r.pktDstLo;
        if (enis.isPrimary(eni, hi, lo)) {
            settle(eni, -1);
            return;
        }
        int local = resolver.resolve(hi, lo, r.startMillis, end);
        if (endpoints.kind(local) == EndpointKind.POD && endpoints.node(local) >= 0) {
            enis.vote(eni, endpoints.node(local), EniAddresses.MIN_VOTES);
            int node = enis.decided(eni, false);
            if (node >= 0) {
                settle(eni, node);
            }
        }
    }

    /**
     * Votes for the one node n for which the joiner holds the other ENI's records of this
     * record's connection, keyed with this interface's end anchored at n. None or several: no vote.
     * Asked again while nothing it reads has changed (the connections of its ports key, the ENI's
     * primary, the nodes), it gives its last answer without asking the joiner: held records are
     * probed every 15 s of log time, 2 M probes of 12 nodes each for 124 k held records on the
     * per-ENI v2 bench input, and the joiner's lookups were a seventh of the consuming thread
     * (issue 13). Measured: that thread 3.69 → 3.21 CPU s, output byte for byte the same.
     */
    private void probe(int eni, Held h) {
        if (h.voted) {
            return;
        }
        int primary = enis.primaryEndpoint(eni);
        int nodes = endpoints.nodeCount();
        if (h.asked && h.primary == primary && h.nodes == nodes && joiner.portsKeyStamp(h.portsKey) == h.stamp) {
            return; // the same question of the same connections: the same answer, no vote
        }
        h.asked = false;
        if (!pipeline.prepare(h.record, -1)) {
            return;
        }
        OrientedRecord o = oriented;
        long keyB = ConnectionJoiner.key(o.protocol, o.clientPort, o.serverPort);
        // The question (keys, times, which end is local) is the same next time if the record
        // resolves the same: not so for an external address, whose endpoint id is recycled, and
        // packet addresses may teach a NAT gateway on the way. Pods, nodes and VPC addresses resolve
        // by the recording and the record's own time.
        if (!h.record.hasPktSrcAddr && !h.record.hasPktDstAddr
                && endpoints.kind(o.clientEndpoint) != EndpointKind.EXTERNAL
                && endpoints.kind(o.serverEndpoint) != EndpointKind.EXTERNAL) {
            h.asked = true;
            h.portsKey = keyB;
            h.stamp = joiner.portsKeyStamp(keyB);
            h.primary = primary;
            h.nodes = nodes;
        }
        boolean clientLocal = o.clientEndpoint == primary;
        if (clientLocal == (o.serverEndpoint == primary)) {
            return;
        }
        int otherEnd = clientLocal ? o.serverEndpoint : o.clientEndpoint;
        if (!h.chance && endpoints.kind(otherEnd) == EndpointKind.POD) {
            h.chance = true;
            enis.chance(eni);
        }
        long other = endpoints.anchor(otherEnd);
        int match = -1;
        for (int n = 0; n < nodes; n++) {
            long keyA = clientLocal ? ConnectionJoiner.anchors(n, other) : ConnectionJoiner.anchors(other, n);
            if (joiner.awaitsPartner(keyA, keyB, o.startMillis - SLACK_MILLIS, o.endMillis + SLACK_MILLIS, clientLocal)) {
                if (match >= 0) {
                    return;
                }
                match = n;
            }
        }
        if (match >= 0) {
            h.voted = true;
            enis.vote(eni, match, 1);
        }
    }

    /**
     * Moves log time on; with records held, every {@value #PROBE_EVERY_MILLIS} ms of it probes
     * again, settles and releases what waited long enough. Called for every record: the work is
     * in {@link #sweep}, out of the hot loop's compiled code.
     */
    void advance(long end) {
        if (end > watermark) {
            watermark = end;
        }
        if (holding != 0) {
            sweep();
        }
    }

    private void sweep() {
        if (lastProbe != Long.MIN_VALUE && watermark - lastProbe < PROBE_EVERY_MILLIS) {
            return;
        }
        lastProbe = watermark;
        for (int eni = 0; eni < held.size(); eni++) {
            ArrayDeque<Held> q = held.get(eni);
            if (q == null || q.isEmpty()) {
                continue;
            }
            if (voting(eni)) {
                probeAll(eni, q);
                if (decide(eni, false)) {
                    continue;
                }
            }
            if (q.peekFirst().record.startMillis < watermark - maxWait) {
                expire(eni, q);
            }
        }
    }

    /**
     * The oldest record waited long enough: settle with what the votes say even if thin (one
     * vote, no dissent); no vote at all means no node's ENI (a load balancer, NAT gateway,
     * endpoint); otherwise let the old records go on unplaced and keep learning.
     */
    private void expire(int eni, ArrayDeque<Held> q) {
        if (voting(eni) && decide(eni, true)) {
            return;
        }
        if (enis.state(eni) == EniAddresses.VOTING && !enis.hasVotes(eni)) {
            settle(eni, -1);
            return;
        }
        while (!q.isEmpty() && q.peekFirst().record.startMillis < watermark - maxWait) {
            release(eni, q.pollFirst());
        }
    }

    /** Every held record of {@code eni} votes once more against the joiner's live connections. */
    private void probeAll(int eni, ArrayDeque<Held> q) {
        for (Held h : q) {
            probe(eni, h);
        }
    }

    private void settle(int eni, int node) {
        enis.settle(eni, node);
        ArrayDeque<Held> q = eni < held.size() ? held.get(eni) : null;
        while (q != null && !q.isEmpty()) {
            release(eni, q.pollFirst());
        }
    }

    private void release(int eni, Held h) {
        holding--;
        pipeline.process(h.record, eni);
    }

    /** At the end of the input: a last probe and vote, then every held record in arrival order. */
    void finish() {
        List<Held> rest = new ArrayList<>();
        for (int eni = 0; eni < held.size(); eni++) {
            ArrayDeque<Held> q = held.get(eni);
            if (q == null || q.isEmpty()) {
                continue;
            }
            if (voting(eni)) {
                probeAll(eni, q);
                int node = enis.decided(eni, true);
                if (node >= 0) {
                    if (enis.state(eni) == EniAddresses.LEARNING) {
                        enis.assume(eni);
                    }
                    enis.settle(eni, node);
                }
            }
            rest.addAll(q);
        }
        held.clear();
        rest.sort(Comparator.comparingLong(h -> h.seq));
        for (Held h : rest) {
            holding--;
            pipeline.process(h.record, h.eni);
        }
    }

    private ArrayDeque<Held> queue(int eni) {
        while (held.size() <= eni) {
            held.add(null);
        }
        ArrayDeque<Held> q = held.get(eni);
        if (q == null) {
            q = new ArrayDeque<>();
            held.set(eni, q);
        }
        return q;
    }
}
