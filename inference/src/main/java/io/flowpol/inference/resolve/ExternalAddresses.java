package io.flowpol.inference.resolve;

import io.flowpol.inference.model.IpAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The endpoints of external addresses. With {@code recycleAfterMillis} &gt; 0 an address unused for
 * that long (in log time, past the latest record end seen) gives its endpoint id back for a new
 * address, so that millions of distinct internet clients cost memory only for those of the last
 * few join horizons (issue 13 item 4, issue 19 item 4). Safe because no one keeps an external
 * endpoint id longer than the joiner does, one and a half horizons: edges are counted per address
 * and peer ({@code PeerAggregator}, {@code Endpoints#peer}), never per endpoint id. In-VPC
 * addresses are never recycled (NAT gateways are remembered by endpoint, and they are few).
 */
final class ExternalAddresses {
    /** Live externals before the first sweep; each sweep allows twice the survivors. */
    private static final int FIRST_SWEEP = 1 << 16;

    private final Endpoints endpoints;
    private final long recycleAfter;
    private LongIntMap v4 = new LongIntMap(1024);
    private final Map<IpAddress, Integer> v6 = new HashMap<>();
    private long[] lastUsed = new long[1024];
    private int[] live = new int[1024];
    private int liveCount;
    private int[] free = new int[0];
    private int freeCount;
    private int sweepAt = FIRST_SWEEP;
    private long watermark = Long.MIN_VALUE;

    ExternalAddresses(Endpoints endpoints, long recycleAfterMillis) {
        this.endpoints = endpoints;
        this.recycleAfter = recycleAfterMillis;
    }

    /** The endpoint of a known external address seen in a record ending at {@code end}, else -1. */
    int find(long hi, long lo, long end) {
        if (end > watermark) {
            watermark = end;
        }
        int known = IpAddress.isV4(hi, lo) ? v4.get(lo) : v6.getOrDefault(new IpAddress(hi, lo), -1);
        if (known >= 0) {
            lastUsed[known] = watermark;
        }
        return known;
    }

    /** A new endpoint for an external address that {@link #find} does not know. */
    int add(long hi, long lo) {
        boolean isV4 = IpAddress.isV4(hi, lo);
        int id = freeCount > 0 ? endpoints.reuse(free[--freeCount], EndpointKind.EXTERNAL, hi, lo)
                : endpoints.add(EndpointKind.EXTERNAL, -1, -1, hi, lo);
        if (isV4) {
            v4.put(lo, id);
        } else {
            v6.put(new IpAddress(hi, lo), id);
        }
        if (id >= lastUsed.length) {
            lastUsed = Arrays.copyOf(lastUsed, Math.max(id + 1, lastUsed.length * 2));
        }
        lastUsed[id] = watermark;
        if (liveCount == live.length) {
            live = Arrays.copyOf(live, liveCount * 2);
        }
        live[liveCount++] = id;
        if (recycleAfter > 0 && liveCount >= sweepAt) {
            sweep();
        }
        return id;
    }

    /** Frees every address unused since {@code watermark - recycleAfter}; the map is rebuilt from the rest. */
    private void sweep() {
        long cutoff = watermark - recycleAfter;
        LongIntMap kept = new LongIntMap(liveCount);
        int n = 0;
        for (int i = 0; i < liveCount; i++) {
            int id = live[i];
            long hi = endpoints.ipHi(id);
            long lo = endpoints.ipLo(id);
            boolean isV4 = IpAddress.isV4(hi, lo);
            if (lastUsed[id] >= cutoff) {
                live[n++] = id;
                if (isV4) {
                    kept.put(lo, id);
                }
            } else {
                if (!isV4) {
                    v6.remove(new IpAddress(hi, lo));
                }
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, Math.max(1024, freeCount * 2));
                }
                free[freeCount++] = id;
            }
        }
        liveCount = n;
        v4 = kept;
        sweepAt = Math.max(FIRST_SWEEP, 2 * liveCount);
    }

    /** External addresses holding an endpoint now. */
    int live() {
        return liveCount;
    }
}
