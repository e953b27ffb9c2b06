package io.flowpol.inference.resolve;

import io.flowpol.inference.model.FlowRecord;
import java.util.Arrays;

/**
 * What the records teach about the ENIs they were captured at (DESIGN.md facts 2 and 13). A node
 * has several ENIs, each with its own primary IP, and only the first one's is the node's
 * InternalIP; in every record captured at an ENI, the local end is that ENI's primary IP. So:
 *
 * <ul>
 *   <li>the <b>primary</b> of an interface is the address common to all its records (the first
 *       record leaves two candidates; a record with another peer, or a known flow-direction,
 *       settles it);</li>
 *   <li>a primary held by a recorded object (a node's InternalIP, a pod with its own branch ENI,
 *       an API server ENI) needs nothing more: the interface is <b>settled</b>;</li>
 *   <li>a primary no object holds is a secondary ENI of some node, or a load balancer, NAT
 *       gateway or endpoint ENI. Its node is learned from <b>votes</b>: a record of the
 *       interface that matches a live connection of the other ENI anchored at node n (same
 *       ports, protocol, time), or whose {@code pkt-*} address names a pod of node n, votes
 *       for n. Once settled on a node, the primary resolves, at that interface only, as an
 *       address of that node — exactly like the node's InternalIP in the two-ENI join.</li>
 * </ul>
 *
 * State is per interface in primitive arrays indexed through one {@link LongIntMap} keyed by
 * the parser's interface-id hash, so a record of a settled interface costs one lookup.
 */
public final class EniAddresses {
    public static final int LEARNING = 0;
    public static final int VOTING = 1;
    public static final int SETTLED = 2;
    /** Agreeing votes that settle a node while no other node has a quarter of them. */
    public static final int MIN_VOTES = 2;
    /** The node's votes must be at least 1/MIN_SHARE of the held records that could vote. */
    public static final int MIN_SHARE = 4;

    private final Endpoints endpoints;
    private final LongIntMap index = new LongIntMap(64);
    private int count;
    private long lastId;
    private int lastIndex = -1;
    private int[] states = new int[16];
    /** Candidates 1 and 2 of the primary; candidate 1 is the primary once one is left. */
    private long[] hi1 = new long[16];
    private long[] lo1 = new long[16];
    private long[] hi2 = new long[16];
    private long[] lo2 = new long[16];
    private byte[] candidates = new byte[16];
    /** Which of two candidates {@link #suppose} picked, 0 for none. */
    private byte[] supposed = new byte[16];
    /** The endpoint the primary resolved to while voting (an interned VPC address). */
    private int[] primaryEndpoint = new int[16];
    /** Once settled on a node: a NODE endpoint of that node with the primary's address; else -1. */
    private int[] eniEndpoint = new int[16];
    private int[][] votes = new int[16][];
    /**
     * Held records that could have voted (the peer a pod) since voting began: a node's ENI finds
     * the partners of most of them, an ENI of no node (a load balancer's) only the chance
     * collisions of ports (issue 11 follow-up), so votes must be a share of these, not a count.
     */
    private int[] chances = new int[16];

    public EniAddresses(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The interface's index, added (LEARNING) when new. */
    public int index(long interfaceId) {
        // Records of one ENI come in runs (a CloudWatch stream, an export file per ENI): one compare.
        if (interfaceId == lastId && lastIndex >= 0) {
            return lastIndex;
        }
        int i = index.get(interfaceId);
        if (i < 0) {
            i = add(interfaceId);
        }
        lastId = interfaceId;
        lastIndex = i;
        return i;
    }

    private int add(long interfaceId) {
        int i;
        if (count == states.length) {
            int capacity = count * 2;
            states = Arrays.copyOf(states, capacity);
            hi1 = Arrays.copyOf(hi1, capacity);
            lo1 = Arrays.copyOf(lo1, capacity);
            hi2 = Arrays.copyOf(hi2, capacity);
            lo2 = Arrays.copyOf(lo2, capacity);
            candidates = Arrays.copyOf(candidates, capacity);
            supposed = Arrays.copyOf(supposed, capacity);
            primaryEndpoint = Arrays.copyOf(primaryEndpoint, capacity);
            eniEndpoint = Arrays.copyOf(eniEndpoint, capacity);
            votes = Arrays.copyOf(votes, capacity);
            chances = Arrays.copyOf(chances, capacity);
        }
        i = count++;
        states[i] = LEARNING;
        eniEndpoint[i] = -1;
        primaryEndpoint[i] = -1;
        index.put(interfaceId, i);
        return i;
    }

    public int size() {
        return count;
    }

    public int state(int i) {
        return states[i];
    }

    /**
     * Narrows the primary's candidates with a record of the interface; true when this record left
     * exactly one (read it with {@link #primaryHi}/{@link #primaryLo}). A flow-direction names the
     * local end outright: egress records show it as {@code srcaddr}, ingress as {@code dstaddr}.
     */
    public boolean learn(int i, FlowRecord r) {
        if (candidates[i] < 0) {
            return false;
        }
        if (r.flowDirection != FlowRecord.DIRECTION_NONE) {
            boolean egress = r.flowDirection == FlowRecord.DIRECTION_EGRESS;
            long hi = egress ? r.srcHi : r.dstHi;
            long lo = egress ? r.srcLo : r.dstLo;
            if (candidates[i] == 0 || is1(i, hi, lo) || is2(i, hi, lo)) {
                hi1[i] = hi;
                lo1[i] = lo;
                candidates[i] = 1;
                return true;
            }
        }
        if (candidates[i] == 0) {
            hi1[i] = r.srcHi;
            lo1[i] = r.srcLo;
            hi2[i] = r.dstHi;
            lo2[i] = r.dstLo;
            candidates[i] = (byte) (r.srcHi == r.dstHi && r.srcLo == r.dstLo ? 1 : 2);
            return candidates[i] == 1;
        }
        boolean keep1 = holds(r, hi1[i], lo1[i]);
        boolean keep2 = candidates[i] == 2 && holds(r, hi2[i], lo2[i]);
        if (keep1 && keep2) {
            return false;
        }
        if (keep2) {
            hi1[i] = hi2[i];
            lo1[i] = lo2[i];
        }
        candidates[i] = (byte) (keep1 || keep2 ? 1 : -1);
        return candidates[i] == 1;
    }

    /** True when no address is common to all records so far: not one ENI's records (stop learning). */
    public boolean contradicted(int i) {
        return candidates[i] < 0;
    }

    private static boolean holds(FlowRecord r, long hi, long lo) {
        return (r.srcHi == hi && r.srcLo == lo) || (r.dstHi == hi && r.dstLo == lo);
    }

    private boolean is1(int i, long hi, long lo) {
        return candidates[i] >= 1 && hi1[i] == hi && lo1[i] == lo;
    }

    private boolean is2(int i, long hi, long lo) {
        return candidates[i] == 2 && hi2[i] == hi && lo2[i] == lo;
    }

    /** True once the primary is known and is the given address. */
    public boolean isPrimary(int i, long hi, long lo) {
        return states[i] != LEARNING && hi1[i] == hi && lo1[i] == lo;
    }

    public boolean primaryKnown(int i) {
        return candidates[i] == 1;
    }

    public long primaryHi(int i) {
        return hi1[i];
    }

    public long primaryLo(int i) {
        return lo1[i];
    }

    /** True while two candidates are left. */
    public boolean twoCandidates(int i) {
        return candidates[i] == 2;
    }

    public long candidateHi(int i, int which) {
        return which == 1 ? hi1[i] : hi2[i];
    }

    public long candidateLo(int i, int which) {
        return which == 1 ? lo1[i] : lo2[i];
    }

    /**
     * Every record so far names the same two addresses (one peer only) and only candidate
     * {@code which} is held by no recorded object: vote as if it were the primary (a secondary
     * ENI's, the other end a pod or node); {@link #assume} makes it the primary once votes decide.
     */
    public void suppose(int i, int which, int endpoint) {
        if (primaryEndpoint[i] < 0 || votes[i] == null) {
            votes[i] = new int[Math.max(1, endpoints.nodeCount())];
            chances[i] = 0;
        }
        supposed[i] = (byte) which;
        primaryEndpoint[i] = endpoint;
    }

    /** True when {@link #suppose} named a candidate and learning has not contradicted it. */
    public boolean supposing(int i) {
        return states[i] == LEARNING && candidates[i] == 2 && supposed[i] != 0;
    }

    /** Makes the supposed candidate the primary. */
    public void assume(int i) {
        if (supposed[i] == 2) {
            hi1[i] = hi2[i];
            lo1[i] = lo2[i];
        }
        candidates[i] = 1;
    }

    /** The primary is {@code endpoint}, an address no recorded object holds: learn its node. */
    public void startVoting(int i, int endpoint) {
        states[i] = VOTING;
        if (primaryEndpoint[i] != endpoint || votes[i] == null) {
            votes[i] = new int[Math.max(1, endpoints.nodeCount())];
            chances[i] = 0;
        }
        primaryEndpoint[i] = endpoint;
    }

    public int primaryEndpoint(int i) {
        return primaryEndpoint[i];
    }

    public void vote(int i, int node, int weight) {
        if (node >= votes[i].length) {
            votes[i] = Arrays.copyOf(votes[i], endpoints.nodeCount());
        }
        votes[i][node] += weight;
    }

    /** A held record of interface i could vote: its peer is a pod, whose ENI saw the same connection. */
    public void chance(int i) {
        chances[i]++;
    }

    public boolean hasVotes(int i) {
        if (votes[i] == null) {
            return false;
        }
        for (int v : votes[i]) {
            if (v > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The node the votes settle on, -1 when they do not: at least {@link #MIN_VOTES} for it and no
     * other node with a quarter of that — or, when {@code last} (the records cannot wait any
     * longer), any vote with no dissent: the evidence of one two-ENI join, which the joiner itself
     * accepts. Either way the node's votes must be at least 1/{@link #MIN_SHARE} of the held records
     * that could vote: ports collide by chance at high connection rates (tens of thousands of
     * ephemeral ports, thousands of connections a minute), and a few such matches among many
     * records are no evidence, while a node's ENI finds the partners of most of its records.
     */
    public int decided(int i, boolean last) {
        int[] v = votes[i];
        if (v == null) {
            return -1;
        }
        int best = -1;
        int top = 0;
        int second = 0;
        for (int n = 0; n < v.length; n++) {
            if (v[n] > top) {
                second = top;
                top = v[n];
                best = n;
            } else if (v[n] > second) {
                second = v[n];
            }
        }
        if (top * MIN_SHARE < chances[i]) {
            return -1;
        }
        if (!last && chances[i] > 0 && chances[i] < MIN_VOTES * MIN_SHARE) {
            // Too few records yet for a share to mean anything (a chance match among the first
            // ones is all of them): decide when more arrived, or when the records cannot wait.
            return -1;
        }
        if (top >= MIN_VOTES && second * 4 <= top) {
            return best;
        }
        return last && top >= 1 && second == 0 ? best : -1;
    }

    /**
     * Ends learning. With a node, the primary becomes a NODE endpoint of that node: records of
     * this interface that name it resolve to it (see {@link #eniEndpoint}).
     */
    public void settle(int i, int node) {
        states[i] = SETTLED;
        votes[i] = null;
        if (node >= 0) {
            eniEndpoint[i] = endpoints.add(EndpointKind.NODE, node, -1, hi1[i], lo1[i]);
        }
    }

    /** The NODE endpoint the primary of a settled interface stands for, -1 when none. */
    public int eniEndpoint(int i) {
        return eniEndpoint[i];
    }
}
