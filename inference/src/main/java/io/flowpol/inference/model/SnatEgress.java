package io.flowpol.inference.model;

import java.util.List;
import java.util.TreeSet;

/**
 * Egress seen as node to external address (DESIGN.md fact 3): the VPC CNI SNAT hides the pod,
 * so it is reported with the workloads that had pods on that node at the time of each connection
 * (issue 14 item 1), never attributed to one of them. {@code candidates} is the union of
 * {@code sets}; {@code sets} holds each distinct per-connection candidate set with its count, or is
 * empty when only the union is known (a state written before sets were kept) — then the union
 * stands for every connection, which can only widen, never narrow, what is allowed.
 */
public record SnatEgress(String node, IpAddress destination, int protocol, int port, Evidence evidence,
                         List<WorkloadId> candidates, List<CandidateSet> sets) {
    public SnatEgress {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        sets = sets == null ? List.of() : List.copyOf(sets);
    }

    /** Only the union of candidates known. */
    public SnatEgress(String node, IpAddress destination, int protocol, int port, Evidence evidence,
                      List<WorkloadId> candidates) {
        this(node, destination, protocol, port, evidence, candidates, List.of());
    }

    /** With per-connection sets; the union is derived from them. */
    public static SnatEgress ofSets(String node, IpAddress destination, int protocol, int port, Evidence evidence,
                                    List<CandidateSet> sets) {
        TreeSet<WorkloadId> union = new TreeSet<>();
        sets.forEach(s -> union.addAll(s.workloads()));
        return new SnatEgress(node, destination, protocol, port, evidence, List.copyOf(union), sets);
    }

    /** The per-connection sets, or the union standing for every connection when they are unknown. */
    public List<CandidateSet> effectiveSets() {
        if (!sets.isEmpty()) {
            return sets;
        }
        return List.of(new CandidateSet(candidates, Math.max(1, evidence == null ? 1 : evidence.connections())));
    }
}
