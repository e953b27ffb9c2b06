package io.flowpol.inference.snat;

import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.model.CandidateSet;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.SnatAttribution;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays SNAT-ed egress against a policy set for {@code verify} and {@code diff} (issue 14
 * item 3). The sender of a connection seen from a node is unknown, so each candidate workload is
 * asked — allowed when every pod shape of it may reach the destination, as {@link EdgeReplay}
 * asks for an edge — and each connection's candidate set is judged: allowed from all, some or
 * none of its candidates. A hostNetwork-only candidate (aws-node, kube-proxy: on every node) sends
 * as the node, which no pod policy selects; it is listed apart and left out of the judgement, or
 * no connection could ever be called denied. A connection with no other candidate is unrestricted.
 */
public final class SnatReplay {
    private final EdgeReplay replay;
    private final EndpointCatalog catalog;

    public SnatReplay(PolicyEngine engine, EndpointCatalog catalog) {
        this.replay = new EdgeReplay(engine, catalog);
        this.catalog = catalog;
    }

    /** One verdict per destination and port, in the order of {@link SnatAttributions#of}. */
    public List<SnatVerdict> replay(List<SnatEgress> egress) {
        List<SnatVerdict> out = new ArrayList<>();
        SnatAttributions.byDestination(egress).forEach((key, list) -> out.add(verdict(key, list)));
        return out;
    }

    private SnatVerdict verdict(SnatAttributions.Key key, List<SnatEgress> list) {
        SnatAttribution attribution = SnatAttributions.attribute(key, list);
        Map<WorkloadId, Boolean> allowed = new TreeMap<>();
        List<WorkloadId> hostNetwork = new ArrayList<>();
        for (WorkloadId w : attribution.all()) {
            if (catalog.endpoints(Peer.workload(w)).isEmpty()) {
                hostNetwork.add(w);
            } else {
                allowed.put(w, allows(w, key));
            }
        }
        long all = 0;
        long some = 0;
        long none = 0;
        long unattributed = 0;
        for (SnatEgress s : list) {
            for (CandidateSet set : s.effectiveSets()) {
                long pods = set.workloads().stream().filter(allowed::containsKey).count();
                if (pods == 0) {
                    unattributed += set.connections();
                    continue;
                }
                long yes = set.workloads().stream().filter(w -> allowed.getOrDefault(w, false)).count();
                if (yes == pods) {
                    all += set.connections();
                } else if (yes == 0) {
                    none += set.connections();
                } else {
                    some += set.connections();
                }
            }
        }
        return new SnatVerdict(attribution, new TreeMap<>(allowed), hostNetwork, all, some, none, unattributed);
    }

    private boolean allows(WorkloadId workload, SnatAttributions.Key key) {
        Edge edge = new Edge(Peer.workload(workload), Peer.external(key.destination()), key.protocol(), key.port(), null,
                new Evidence(1, 0, 0, 0, 0, Set.of()));
        return replay.replay(edge).allowed();
    }
}
