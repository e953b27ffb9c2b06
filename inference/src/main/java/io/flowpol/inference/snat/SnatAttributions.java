package io.flowpol.inference.snat;

import io.flowpol.inference.model.CandidateSet;
import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.SnatAttribution;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Attribution of SNAT-ed egress across nodes and the window (issue 14 item 2): per destination and
 * port, a workload is certain when it was the only candidate of some connection, and the common
 * candidates are those present at every connection — if one workload sends there, it is among
 * them, since it had a pod on the sending node each time. Connections without any candidate (the
 * node's own processes) constrain nothing and are only counted.
 */
public final class SnatAttributions {
    private SnatAttributions() {
    }

    record Key(IpAddress destination, int protocol, int port) {
    }

    public static List<SnatAttribution> of(List<SnatEgress> egress) {
        List<SnatAttribution> out = new ArrayList<>();
        byDestination(egress).forEach((key, list) -> out.add(attribute(key, list)));
        return out;
    }

    /** The egress of every node grouped per destination and port, in address, protocol and port order. */
    static Map<Key, List<SnatEgress>> byDestination(List<SnatEgress> egress) {
        Map<Key, List<SnatEgress>> byDestination = new TreeMap<>(Comparator.comparing(Key::destination)
                .thenComparingInt(Key::protocol).thenComparingInt(Key::port));
        for (SnatEgress s : egress) {
            byDestination.computeIfAbsent(new Key(s.destination(), s.protocol(), s.port()), k -> new ArrayList<>()).add(s);
        }
        return byDestination;
    }

    static SnatAttribution attribute(Key key, List<SnatEgress> list) {
        TreeMap<String, Long> nodes = new TreeMap<>();
        TreeMap<WorkloadId, Long> certain = new TreeMap<>();
        TreeSet<WorkloadId> all = new TreeSet<>();
        TreeSet<WorkloadId> common = null;
        long unattributed = 0;
        Evidence evidence = null;
        for (SnatEgress s : list) {
            evidence = evidence == null ? s.evidence() : merge(evidence, s.evidence());
            nodes.merge(s.node(), s.evidence() == null ? 1 : s.evidence().connections(), Long::sum);
            for (CandidateSet set : s.effectiveSets()) {
                if (set.workloads().isEmpty()) {
                    unattributed += set.connections();
                    continue;
                }
                all.addAll(set.workloads());
                if (set.workloads().size() == 1) {
                    certain.merge(set.workloads().get(0), set.connections(), Long::sum);
                }
                if (common == null) {
                    common = new TreeSet<>(set.workloads());
                } else {
                    common.retainAll(set.workloads());
                }
            }
        }
        if (evidence == null) {
            evidence = new Evidence(list.size(), 0, 0, -1, -1, null);
        }
        return new SnatAttribution(key.destination(), key.protocol(), key.port(), evidence, nodes, certain,
                common == null ? List.of() : List.copyOf(common), List.copyOf(all), unattributed,
                common == null ? List.of() : common.stream().filter(SnatAttributions::daemonSet).toList());
    }

    /** A pod on every node: beside every sender, so common to any destination (issue 14 acceptance). */
    private static boolean daemonSet(WorkloadId w) {
        return w.kind().equals("DaemonSet");
    }

    private static Evidence merge(Evidence a, Evidence b) {
        if (b == null) {
            return a;
        }
        EnumSet<DirectionProof> proofs = EnumSet.noneOf(DirectionProof.class);
        proofs.addAll(a.proofs());
        proofs.addAll(b.proofs());
        return new Evidence(a.connections() + b.connections(), a.packets() + b.packets(), a.bytes() + b.bytes(),
                Math.min(a.firstSeen(), b.firstSeen()), Math.max(a.lastSeen(), b.lastSeen()), proofs);
    }
}
