package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.PortSet;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.WorkloadId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts what a generated set allows beyond the observed edges into the exceptions flowpol
 * configures on purpose and real surprises: DNS to kube-dns, which every namespace's default deny
 * allows (DESIGN.md safety invariant), and egress to an address hidden by SNAT, which every
 * candidate workload is allowed because the sender is unknown (DESIGN.md fact 3). A row is
 * expected only when all it newly allows is explained; a widened rule stays a surprise.
 */
public final class ExpectedReachability {
    private static final ConnectionSet DNS_PORTS = ConnectionSet.of(Protocol.TCP, PortSet.of(53))
            .union(ConnectionSet.of(Protocol.UDP, PortSet.of(53)));

    private final Map<List<Object>, ConnectionSet> snat = new HashMap<>();

    /** @param snatEgress the window's SNAT-hidden egress, with its candidate workloads */
    public ExpectedReachability(List<SnatEgress> snatEgress) {
        for (SnatEgress s : snatEgress) {
            if (s.port() < PortSet.MIN_PORT || s.port() > PortSet.MAX_PORT) {
                continue;
            }
            ConnectionSet ports = ConnectionSet.of(s.protocol(), PortSet.of(s.port()));
            for (WorkloadId candidate : s.candidates()) {
                snat.merge(List.of(candidate, s.destination()), ports, ConnectionSet::union);
            }
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
        ConnectionSet explained = ConnectionSet.NONE;
        for (String text : r.cidrs()) {
            Cidr cidr = Cidr.parse(text);
            ConnectionSet ports = cidr.prefix() == 32 ? snat.get(List.of(r.workload(), cidr.base())) : null;
            if (ports == null) {
                return null; // an address (or a block of them) no SNAT-hidden egress went to
            }
            explained = explained.union(ports);
        }
        return ConnectionMath.minus(r.newlyAllowed(), explained).isEmpty() ? BeyondObserved.SNAT : null;
    }
}
