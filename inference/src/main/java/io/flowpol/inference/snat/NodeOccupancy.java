package io.flowpol.inference.snat;

import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.PodSpan;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Which workloads had a pod on one node, as a step function of time: the node's pod starts and
 * ends cut the time line into segments, each holding the interned id of its workload set. A
 * SNAT-ed connection (DESIGN.md fact 3) then finds its candidates by one binary search instead of
 * a scan of the node's pods. hostNetwork pods count: they send from the node address too.
 */
final class NodeOccupancy {
    /** Segment i is {@code [starts[i], starts[i + 1])}; before {@code starts[0]} the node held no pod. */
    private final long[] starts;
    private final int[] setIds;
    private final CandidateInterner interner;

    NodeOccupancy(List<PodSpan> pods, CandidateInterner interner) {
        this.interner = interner;
        TreeSet<Long> cuts = new TreeSet<>();
        for (PodSpan pod : pods) {
            cuts.add(pod.from());
            if (pod.to() != Long.MAX_VALUE) {
                cuts.add(pod.to());
            }
        }
        starts = cuts.stream().mapToLong(Long::longValue).toArray();
        setIds = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            TreeSet<WorkloadId> present = new TreeSet<>();
            for (PodSpan pod : pods) {
                if (pod.aliveAt(starts[i])) {
                    present.add(pod.workload());
                }
            }
            setIds[i] = interner.intern(List.copyOf(present));
        }
    }

    /**
     * The id of the workloads with a pod on the node at some instant of {@code [from, to]}: one
     * segment's set for almost every connection, the union when a pod came or went meanwhile.
     */
    int candidates(long from, long to) {
        int first = segment(from);
        int last = segment(Math.max(from, to));
        if (first == last) {
            return first < 0 ? interner.intern(List.of()) : setIds[first];
        }
        TreeSet<WorkloadId> union = new TreeSet<>();
        for (int i = Math.max(0, first); i <= last; i++) {
            union.addAll(interner.set(setIds[i]));
        }
        return interner.intern(List.copyOf(union));
    }

    /** The segment holding {@code t}, -1 before the first. */
    private int segment(long t) {
        int i = Arrays.binarySearch(starts, t);
        return i >= 0 ? i : -i - 2;
    }
}
