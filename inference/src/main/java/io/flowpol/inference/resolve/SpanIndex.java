package io.flowpol.inference.resolve;

import io.flowpol.inference.model.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interval index behind resolution: per address, the spans {@code [from, to)} during which
 * an endpoint held it, sorted by start, searched by time (DESIGN.md fact 6: an address is reused,
 * so "who had it last" is wrong). IPv4 addresses are keyed in a primitive map; IPv6 in a
 * HashMap, which is rare enough in EKS flow logs to allow the lookup allocation.
 */
final class SpanIndex {
    private record Entry(long hi, long lo, long from, long to, int endpoint) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::hi)
            .thenComparingLong(Entry::lo).thenComparingLong(Entry::from);

    private final List<Entry> pending = new ArrayList<>();
    private long[] from;
    private long[] to;
    private int[] endpoints;
    private int[] groupStart;
    private boolean[] groupHasPod;
    private final LongIntMap v4Groups = new LongIntMap(1024);
    private final Map<IpAddress, Integer> v6Groups = new HashMap<>();

    void add(IpAddress ip, long spanFrom, long spanTo, int endpoint) {
        pending.add(new Entry(ip.hi(), ip.lo(), spanFrom, spanTo, endpoint));
    }

    /** Sorts the spans and builds the per-address groups; call once after the last add. */
    void build(Endpoints table) {
        pending.sort(ORDER);
        int n = pending.size();
        from = new long[n];
        to = new long[n];
        endpoints = new int[n];
        int[] starts = new int[n + 1];
        boolean[] hasPod = new boolean[n + 1];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            Entry e = pending.get(i);
            from[i] = e.from();
            to[i] = e.to();
            endpoints[i] = e.endpoint();
            if (i == 0 || e.hi() != pending.get(i - 1).hi() || e.lo() != pending.get(i - 1).lo()) {
                starts[groups] = i;
                if (IpAddress.isV4(e.hi(), e.lo())) {
                    v4Groups.put(e.lo(), groups);
                } else {
                    v6Groups.put(new IpAddress(e.hi(), e.lo()), groups);
                }
                groups++;
            }
            hasPod[groups - 1] |= table.kind(e.endpoint()) == EndpointKind.POD;
        }
        starts[groups] = n;
        groupStart = Arrays.copyOf(starts, groups + 1);
        groupHasPod = Arrays.copyOf(hasPod, groups);
        pending.clear();
    }

    /** The group of spans for an address, -1 when no span ever held it. */
    int group(long hi, long lo) {
        if (IpAddress.isV4(hi, lo)) {
            return v4Groups.get(lo);
        }
        Integer g = v6Groups.get(new IpAddress(hi, lo));
        return g == null ? -1 : g;
    }

    boolean groupHasPod(int group) {
        return groupHasPod[group];
    }

    /** The endpoint whose span holds {@code millis}, the latest-starting one; -1 when none. */
    int find(int group, long millis) {
        int first = groupStart[group];
        if (groupStart[group + 1] - first == 1) {
            // Most addresses were held by one span over the whole recording: no search.
            return from[first] <= millis && millis < to[first] ? endpoints[first] : -1;
        }
        int low = first;
        int high = groupStart[group + 1] - 1;
        int last = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (from[mid] <= millis) {
                last = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        // Spans of one address do not overlap in a consistent recording, but a short overlap
        // (a pod deleted and its IP reassigned within the watch latency) must still resolve.
        for (int i = last; i >= groupStart[group]; i--) {
            if (millis < to[i]) {
                return endpoints[i];
            }
        }
        return -1;
    }
}
