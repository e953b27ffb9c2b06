package io.flowpol.inference.history;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.timeline.WorkloadId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
        TreeSet<WorkloadId> candidates = new TreeSet<>(a.candidates());
        candidates.addAll(b.candidates());
        return new SnatEgress(a.node(), a.destination(), a.protocol(), a.port(), merge(a.evidence(), b.evidence()),
                candidates.stream().toList());
    }

    /** Evidence is always set by inference; a null (hand-made state) counts as one connection at {@code at}. */
    static Edge withEvidence(Edge e, long at) {
        return e.evidence() != null ? e
                : new Edge(e.client(), e.server(), e.protocol(), e.port(), e.portName(), new Evidence(1, 0, 0, at, at, Set.of()));
    }
}
