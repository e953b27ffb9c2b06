package io.flowpol.inference.orient;

import io.flowpol.inference.resolve.LongIntMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When an owner (a node) declared a port: per (owner, protocol/port key), the union of the
 * half-open spans {@code [from, to)} of the pods that declared it, as sorted disjoint windows.
 * Built once; {@link #contains} is one hash probe and a binary search over a list that is
 * usually one window long, where the per-record walk over every pod span of the node it
 * replaces cost a share of the hot loop (issue 7). Union is exact for the question asked:
 * "was some pod declaring the port alive at t".
 */
final class PortWindows {
    private final LongIntMap lists;
    private final long[] from;
    private final long[] to;
    /** Windows of list {@code w} are {@code [start[w], start[w + 1])}. */
    private final int[] start;

    private PortWindows(LongIntMap lists, long[] from, long[] to, int[] start) {
        this.lists = lists;
        this.from = from;
        this.to = to;
        this.start = start;
    }

    static long pack(int owner, int key) {
        return ((long) owner << 32) | (key & 0xFFFF_FFFFL);
    }

    /** True when some span added for (owner, key) holds {@code t}. */
    boolean contains(int owner, int key, long t) {
        int w = lists.get(pack(owner, key));
        if (w < 0) {
            return false;
        }
        // The last window starting at or before t is the only one that can hold it.
        int low = start[w];
        int high = start[w + 1] - 1;
        int last = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (from[mid] <= t) {
                last = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return last >= 0 && t < to[last];
    }

    /** Collects spans, then merges them per (owner, key). */
    static final class Builder {
        private record Span(long owner, long from, long to) {
        }

        private final List<Span> spans = new ArrayList<>();

        Builder add(int owner, int key, long spanFrom, long spanTo) {
            // An empty span holds no instant; leaving it out keeps the merge simple.
            if (spanFrom < spanTo) {
                spans.add(new Span(pack(owner, key), spanFrom, spanTo));
            }
            return this;
        }

        PortWindows build() {
            spans.sort(Comparator.comparingLong(Span::owner).thenComparingLong(Span::from));
            LongIntMap lists = new LongIntMap(Math.max(16, spans.size()));
            long[] from = new long[spans.size()];
            long[] to = new long[spans.size()];
            int[] start = new int[spans.size() + 1];
            int windows = 0;
            int count = 0;
            for (int i = 0; i < spans.size(); i++) {
                Span span = spans.get(i);
                boolean newList = i == 0 || span.owner() != spans.get(i - 1).owner();
                if (newList) {
                    lists.put(span.owner(), count);
                    start[count++] = windows;
                } else if (span.from() <= to[windows - 1]) {
                    // Overlapping or touching [a, b) and [c, d) with c <= b hold the same instants as [a, max(b, d)).
                    to[windows - 1] = Math.max(to[windows - 1], span.to());
                    continue;
                }
                from[windows] = span.from();
                to[windows] = span.to();
                windows++;
            }
            start[count] = windows;
            return new PortWindows(lists, from, to, start);
        }
    }
}
