package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.PortSet;
import java.util.Map;

/** Set difference and sizes of {@link ConnectionSet}s, which the evaluator's own types do not offer. */
final class ConnectionMath {
    private ConnectionMath() {
    }

    /** The connections of {@code a} that are not in {@code b}. */
    static ConnectionSet minus(ConnectionSet a, ConnectionSet b) {
        ConnectionSet out = ConnectionSet.NONE;
        for (Map.Entry<Integer, PortSet> e : a.byProtocol().entrySet()) {
            PortSet remove = b.ports(e.getKey());
            PortSet kept = PortSet.EMPTY;
            for (int[] range : e.getValue().ranges()) {
                int next = range[0];
                for (int[] cut : remove.ranges()) {
                    if (cut[1] < next || cut[0] > range[1]) {
                        continue;
                    }
                    if (cut[0] > next) {
                        kept = kept.union(PortSet.range(next, cut[0] - 1));
                    }
                    next = Math.max(next, cut[1] + 1);
                }
                if (next <= range[1]) {
                    kept = kept.union(PortSet.range(next, range[1]));
                }
            }
            out = out.union(ConnectionSet.of(e.getKey(), kept));
        }
        return out;
    }

    /** How many (protocol, port) pairs the set holds. */
    static long size(ConnectionSet set) {
        long n = 0;
        for (PortSet ports : set.byProtocol().values()) {
            for (int[] range : ports.ranges()) {
                n += range[1] - range[0] + 1L;
            }
        }
        return n;
    }

    static boolean contains(ConnectionSet set, int protocol, int port) {
        return set.ports(protocol).contains(port);
    }
}
