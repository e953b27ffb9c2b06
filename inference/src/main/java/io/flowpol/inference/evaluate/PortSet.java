package io.flowpol.inference.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of ports (0–65535) as sorted, disjoint, non-adjacent ranges (STYLE.md habit 3, after
 * netpol-analyzer's connection sets). Immutable; {@link #union} returns a new instance. The
 * canonical text is {@code 53,8080-8090}.
 */
public final class PortSet {
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;
    public static final PortSet EMPTY = new PortSet(new int[0]);
    /** Every port a connection can use (port 0 is not a real destination port). */
    public static final PortSet ALL = range(MIN_PORT, MAX_PORT);

    /** Pairs {@code first, last} in ascending order, merged. */
    private final int[] bounds;

    private PortSet(int[] bounds) {
        this.bounds = bounds;
    }

    public static PortSet range(int first, int last) {
        if (first < 0 || last < first || last > MAX_PORT) {
            throw new IllegalArgumentException("bad port range " + first + "-" + last);
        }
        return new PortSet(new int[] {first, last});
    }

    public static PortSet of(int port) {
        return range(port, port);
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    public boolean contains(int port) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (port >= bounds[i] && port <= bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** True when every port of {@code other} is in this set. */
    public boolean containsAll(PortSet other) {
        return union(other).equals(this);
    }

    public PortSet union(PortSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            ranges.add(new int[] {bounds[i], bounds[i + 1]});
        }
        for (int i = 0; i < other.bounds.length; i += 2) {
            ranges.add(new int[] {other.bounds[i], other.bounds[i + 1]});
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] merged = new int[ranges.size() * 2];
        int n = 0;
        for (int[] r : ranges) {
            // Adjacent ranges (8080-8089, 8090) merge too: one canonical form per set.
            if (n > 0 && r[0] <= merged[n - 1] + 1) {
                merged[n - 1] = Math.max(merged[n - 1], r[1]);
            } else {
                merged[n++] = r[0];
                merged[n++] = r[1];
            }
        }
        return new PortSet(Arrays.copyOf(merged, n));
    }

    /** The ranges as {@code [first, last]} pairs, ascending. */
    public List<int[]> ranges() {
        List<int[]> out = new ArrayList<>(bounds.length / 2);
        for (int i = 0; i < bounds.length; i += 2) {
            out.add(new int[] {bounds[i], bounds[i + 1]});
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortSet other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    /** {@code 53,8080-8090}; empty text for the empty set. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append(bounds[i]);
            if (bounds[i + 1] != bounds[i]) {
                out.append('-').append(bounds[i + 1]);
            }
        }
        return out.toString();
    }
}
