package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.PortSet;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.PolicyType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sorts what a generated set allows beyond the observed edges into the exceptions flowpol
 * configures on purpose and real surprises: DNS to kube-dns, which every namespace's default deny
 * allows (DESIGN.md safety invariant); egress to an address hidden by SNAT, which every candidate
 * workload is allowed because the sender is unknown (DESIGN.md fact 3); and the API server, which
 * a workload seen talking to it may reach at every recorded endpoint address (its endpoints move).
 * A row is expected only when all it newly allows is explained; a widened rule stays a surprise.
 */
public final class ExpectedReachability {
    private static final ConnectionSet DNS_PORTS = ConnectionSet.of(Protocol.TCP, PortSet.of(53))
            .union(ConnectionSet.of(Protocol.UDP, PortSet.of(53)));

    /** Rows over wider blocks are never explained; up to a /24 each address is looked at. */
    private static final int SMALLEST_PREFIX = 24;

    /** (workload, address) → what an exception or an observed edge allows there, and which exceptions. */
    private final Map<List<Object>, ConnectionSet> explained = new HashMap<>();
    private final Map<List<Object>, Set<String>> reasons = new HashMap<>();

    /**
     * @param snatEgress the window's SNAT-hidden egress, with its candidate workloads
     * @param observed the learned edges (who was seen talking to the API server)
     * @param apiServers every recorded API server endpoint address
     */
    public ExpectedReachability(List<SnatEgress> snatEgress, List<Edge> observed, List<IpAddress> apiServers) {
        for (SnatEgress s : snatEgress) {
            for (WorkloadId candidate : s.candidates()) {
                explain(candidate, s.destination(), s.protocol(), s.port(), BeyondObserved.SNAT);
            }
        }
        for (Edge e : observed) {
            if (e.client().kind() != Peer.Kind.WORKLOAD) {
                continue;
            }
            if (e.server().kind() == Peer.Kind.API_SERVER) {
                for (IpAddress ip : apiServers) {
                    explain(e.client().workload(), ip, e.protocol(), e.port(), BeyondObserved.API_SERVER);
                }
            } else if (e.server().kind() != Peer.Kind.WORKLOAD && e.server().ip() != null) {
                // seen, so no exception is needed; it may share a row with an excepted address
                explain(e.client().workload(), e.server().ip(), e.protocol(), e.port(), null);
            }
        }
    }

    private void explain(WorkloadId workload, IpAddress address, int protocol, int port, String reason) {
        if (port < PortSet.MIN_PORT || port > PortSet.MAX_PORT) {
            return;
        }
        List<Object> key = List.of(workload, address);
        explained.merge(key, ConnectionSet.of(protocol, PortSet.of(port)), ConnectionSet::union);
        Set<String> why = reasons.computeIfAbsent(key, k -> new TreeSet<>());
        if (reason != null) {
            why.add(reason);
        }
    }

    public List<BeyondObserved> classify(List<NewReachability> rows) {
        List<BeyondObserved> out = new ArrayList<>();
        for (NewReachability r : rows) {
            out.add(new BeyondObserved(r, reason(r)));
        }
        return out;
    }

    private String reason(NewReachability r) {
        if (r.direction() != PolicyType.EGRESS) {
            return null;
        }
        if (!r.addressPeer()) {
            return "kube-system".equals(r.namespace()) && ConnectionMath.minus(r.newlyAllowed(), DNS_PORTS).isEmpty()
                    ? BeyondObserved.DNS : null;
        }
        ConnectionSet covered = ConnectionSet.NONE;
        Set<String> why = new TreeSet<>(Comparator.reverseOrder()); // SNAT before API server
        for (String text : r.cidrs()) {
            Cidr cidr = Cidr.parse(text);
            if (!cidr.base().isV4() || cidr.prefix() < SMALLEST_PREFIX) {
                return null; // a block: exceptions name single addresses
            }
            long first = Integer.toUnsignedLong(cidr.base().v4());
            for (long a = first; a < first + (1L << (32 - cidr.prefix())); a++) {
                List<Object> key = List.of(r.workload(), IpAddress.ofV4((int) a));
                ConnectionSet ports = explained.get(key);
                if (ports == null) {
                    return null; // an address no exception names and no edge went to
                }
                covered = covered.union(ports);
                why.addAll(reasons.get(key));
            }
        }
        return ConnectionMath.minus(r.newlyAllowed(), covered).isEmpty() ? String.join("; ", why) : null;
    }
}
