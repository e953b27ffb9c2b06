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

    ObservedBaseline(List<Edge> observed) {
        for (Edge e : observed) {
            List<Object> key = List.of(key(e.client()), key(e.server()));
            if (e.port() >= PortSet.MIN_PORT && e.port() <= PortSet.MAX_PORT) {
                seen.merge(key, ConnectionSet.of(e.protocol(), PortSet.of(e.port())), ConnectionSet::union);
            }
            for (Peer p : List.of(e.client(), e.server())) {
                if (p.kind() != Peer.Kind.WORKLOAD && p.ip() != null && p.ip().isV4()) {
                    addresses.add(Cidr.host(p.ip()));
                }
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
        return seen.getOrDefault(List.of(from, to), ConnectionSet.NONE);
    }

    private static Object key(Peer peer) {
        if (peer.kind() == Peer.Kind.WORKLOAD) {
            return peer.workload();
        }
        IpAddress ip = peer.ip();
        return ip == null ? peer.toString() : ip;
    }
}
