package io.flowpol.inference.history;

import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.PodSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compresses pod spans to one span per distinct shape of a workload's pods: what selectors
 * (labels), named ports (declared container ports, DESIGN.md fact 9) and the Windows warning
 * (OS) need. The span covers every pod of that shape, so a port name is kept only if every
 * shape alive during an edge declares it: merging spans can only make naming more cautious
 * (a number always matches), never allow less.
 */
final class PodShapes {
    /** Name suffix of a remembered pod; it never resolves a flow, so it holds no address. */
    static final String REMEMBERED = "~remembered";

    private record Shape(WorkloadId workload, String namespace, Map<String, String> labels, List<ContainerPort> ports,
                         String serviceAccount, String os, boolean hostNetwork) {
        static Shape of(PodSpan p) {
            return new Shape(p.workload(), p.namespace(), p.labels(), p.ports(), p.serviceAccount(), p.os(),
                    p.hostNetwork());
        }
    }

    private PodShapes() {
    }

    /** The shapes of {@code pods}; a pod still alive at the end is taken as alive until {@code windowEnd}. */
    static List<PodSpan> of(List<PodSpan> pods, long windowEnd) {
        List<PodSpan> clamped = new ArrayList<>();
        for (PodSpan p : pods) {
            long to = p.to() == Long.MAX_VALUE ? Math.max(p.from(), windowEnd) : p.to();
            clamped.add(span(Shape.of(p), p.from(), to));
        }
        return merge(List.of(), clamped);
    }

    /** Union of two lists of shapes: one span per shape, from the earliest start to the latest end. */
    static List<PodSpan> merge(List<PodSpan> prior, List<PodSpan> added) {
        Map<Shape, long[]> spans = new LinkedHashMap<>();
        for (List<PodSpan> list : List.of(prior, added)) {
            for (PodSpan p : list) {
                long[] span = spans.computeIfAbsent(Shape.of(p), k -> new long[] {p.from(), p.to()});
                span[0] = Math.min(span[0], p.from());
                span[1] = Math.max(span[1], p.to());
            }
        }
        List<PodSpan> out = new ArrayList<>();
        spans.forEach((shape, span) -> out.add(span(shape, span[0], span[1])));
        out.sort(Comparator.comparing(PodSpan::workload).thenComparingLong(PodSpan::from)
                .thenComparing(p -> p.labels().toString()).thenComparing(p -> p.ports().toString())
                .thenComparing(p -> String.valueOf(p.serviceAccount())).thenComparing(p -> String.valueOf(p.os())));
        return out;
    }

    private static PodSpan span(Shape s, long from, long to) {
        return new PodSpan(null, s.namespace(), s.workload().name() + REMEMBERED, s.workload(), null, List.of(),
                s.hostNetwork(), s.labels(), s.ports(), s.serviceAccount(), s.os(), from, to);
    }
}
