package io.flowpol.inference.history;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.CandidateSet;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Union of what two windows saw of one edge: connections, packets and bytes add up (each
 * window counts its own connections), first seen is the earlier, last seen the later, and the
 * proofs of direction are united.
 */
final class EvidenceMerge {
    /** Identity of an edge across windows. */
    record EdgeKey(Peer client, Peer server, int protocol, int port) {
        static EdgeKey of(Edge e) {
            return new EdgeKey(e.client(), e.server(), e.protocol(), e.port());
        }
    }

    /** Identity of a SNAT-hidden egress destination across windows. */
    record SnatKey(String node, Object destination, int protocol, int port) {
        static SnatKey of(SnatEgress s) {
            return new SnatKey(s.node(), s.destination(), s.protocol(), s.port());
        }
    }

    private EvidenceMerge() {
    }

    static Evidence merge(Evidence a, Evidence b) {
        Set<DirectionProof> proofs = EnumSet.noneOf(DirectionProof.class);
        proofs.addAll(a.proofs());
        proofs.addAll(b.proofs());
        return new Evidence(a.connections() + b.connections(), a.packets() + b.packets(), a.bytes() + b.bytes(),
                Math.min(a.firstSeen(), b.firstSeen()), Math.max(a.lastSeen(), b.lastSeen()), proofs);
    }

    /**
     * The port name survives only when both windows agree on it: a name one window did not
     * confirm may not be declared by every destination pod (DESIGN.md fact 9), the number always is.
     */
    static Edge merge(Edge a, Edge b) {
        String portName = Objects.equals(a.portName(), b.portName()) ? a.portName() : null;
        return new Edge(a.client(), a.server(), a.protocol(), a.port(), portName, merge(a.evidence(), b.evidence()));
    }

    static SnatEgress merge(SnatEgress a, SnatEgress b) {
        // Sets of both windows add up; a side that kept only its union lends it for its connections.
        java.util.Map<List<WorkloadId>, Long> counts = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (SnatEgress s : List.of(a, b)) {
            s.effectiveSets().forEach(set -> counts.merge(set.workloads(), set.connections(), Long::sum));
        }
        List<CandidateSet> sets = new java.util.ArrayList<>();
        counts.forEach((workloads, n) -> sets.add(new CandidateSet(workloads, n)));
        return SnatEgress.ofSets(a.node(), a.destination(), a.protocol(), a.port(), merge(a.evidence(), b.evidence()), sets);
    }

    /** Evidence is always set by inference; a null (hand-made state) counts as one connection at {@code at}. */
    static Edge withEvidence(Edge e, long at) {
        return e.evidence() != null ? e
                : new Edge(e.client(), e.server(), e.protocol(), e.port(), e.portName(), new Evidence(1, 0, 0, at, at, Set.of()));
    }
}
