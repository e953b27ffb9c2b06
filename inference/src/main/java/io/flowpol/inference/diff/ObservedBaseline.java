package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PortSet;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The observed edges as a baseline: exactly the (protocol, port) pairs seen between two
 * workloads, or between a workload and one address. Anything a policy set allows beyond this is
 * reachability no observation accounts for.
 */
final class ObservedBaseline implements ReachabilityBaseline {
    private final Map<List<Object>, ConnectionSet> seen = new HashMap<>();
    private final List<Cidr> addresses = new ArrayList<>();
    private boolean summarised;

    ObservedBaseline(List<Edge> observed) {
        for (Edge e : observed) {
            List<Object> key = List.of(key(e.client()), key(e.server()));
            if (e.port() >= PortSet.MIN_PORT && e.port() <= PortSet.MAX_PORT) {
                seen.merge(key, ConnectionSet.of(e.protocol(), PortSet.of(e.port())), ConnectionSet::union);
            }
            for (Peer p : List.of(e.client(), e.server())) {
                if (p.kind() != Peer.Kind.WORKLOAD && p.ip() != null && p.ip().isV4()) {
                    addresses.add(p.network() != null ? p.network() : Cidr.host(p.ip()));
                }
                summarised |= p.network() != null;
            }
        }
    }

    /** Every observed non-workload address, so that the finder probes each one on its own. */
    List<Cidr> addresses() {
        return List.copyOf(addresses);
    }

    @Override
    public ConnectionSet allowed(WorkloadId clientId, EvalEndpoint client, WorkloadId serverId, EvalEndpoint server) {
        Object from = clientId != null ? clientId : client.ip();
        Object to = serverId != null ? serverId : server.ip();
        if (from == null || to == null) {
            return ConnectionSet.NONE;
        }
        ConnectionSet exact = seen.getOrDefault(List.of(from, to), ConnectionSet.NONE);
        if (!summarised) {
            return exact;
        }
        // A summarised network (issue 13 item 4) was observed as a whole: which of its addresses were
        // seen is not kept, so every address of it counts as observed.
        ConnectionSet any = exact;
        for (Object f : networks(from)) {
            for (Object t : networks(to)) {
                any = any.union(seen.getOrDefault(List.of(f, t), ConnectionSet.NONE));
            }
        }
        return any;
    }

    /** The key itself, and for an address the summarised networks it may lie in (/24 or /48, and all). */
    private static List<Object> networks(Object key) {
        if (!(key instanceof IpAddress ip)) {
            return List.of(key);
        }
        return List.of(ip, new Cidr(ip, ip.isV4() ? 24 : 48), new Cidr(ip, 0));
    }

    private static Object key(Peer peer) {
        if (peer.kind() == Peer.Kind.WORKLOAD) {
            return peer.workload();
        }
        if (peer.network() != null) {
            return peer.network();
        }
        IpAddress ip = peer.ip();
        return ip == null ? peer.toString() : ip;
    }
}
