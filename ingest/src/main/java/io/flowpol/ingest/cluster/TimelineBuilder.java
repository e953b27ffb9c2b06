package io.flowpol.ingest.cluster;

import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.ServiceInfo;
import io.flowpol.inference.timeline.Workload;
import io.flowpol.inference.timeline.WorkloadId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies time-ordered events to per-kind trackers and assembles the timeline. Workloads are
 * resolved at the end, so a controller recorded after its pods still names them.
 */
final class TimelineBuilder {

    /** Always set since Kubernetes 1.22; older recordings lack it, policies select on it (fact 9). */
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private final List<InputProblem> warnings = new ArrayList<>();
    private final PodTracker pods = new PodTracker(warnings);
    private final NodeTracker nodes = new NodeTracker();
    private final ApiServerTracker apiServer = new ApiServerTracker();
    private final WorkloadResolver resolver = new WorkloadResolver();
    private final Map<String, Map<String, String>> namespaces = new TreeMap<>();
    private final Map<String, ServiceInfo> services = new HashMap<>();
    private final Map<String, Long> ignored = new TreeMap<>();
    private long start = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;

    void apply(WatchEvent event) {
        start = Math.min(start, event.time());
        end = Math.max(end, event.time());
        switch (event.type()) {
            case "BOOKMARK" -> {
                return;
            }
            case "ERROR" -> {
                warnings.add(new InputProblem(event.file(), event.line(), "type", null,
                        "watch error event: objects may have changed unrecorded around this time", Finding.Severity.WARNING));
                return;
            }
            default -> {
            }
        }
        if (ObjectTrimmer.READ.contains(event.kind())) {
            requireIdentity(event);
        }
        switch (event.kind()) {
            case "Pod" -> pods.apply(event);
            case "Node" -> nodes.apply(event);
            case "Namespace" -> namespaces.put(event.name(), KubeJson.labels(event.object()));
            case "Service" -> services.put(event.namespace() + "/" + event.name(), ServiceMapper.toInfo(event));
            case "EndpointSlice", "Endpoints" -> {
                if (ApiServerTracker.isApiServer(event)) {
                    apiServer.apply(event);
                }
            }
            default -> {
                if (WorkloadResolver.KINDS.contains(event.kind())) {
                    resolver.record(event);
                } else {
                    ignored.merge(event.kind().isEmpty() ? "(no kind)" : event.kind(), 1L, Long::sum);
                }
            }
        }
    }

    /** Every object read needs a name, and all but Namespace and Node a namespace. */
    private static void requireIdentity(WatchEvent event) {
        if (event.name() == null) {
            throw RecordingFileParser.fail(event.file(), event.line(), "object.metadata.name", "the object's name", "nothing");
        }
        boolean clusterScoped = "Namespace".equals(event.kind()) || "Node".equals(event.kind());
        if (!clusterScoped && event.namespace() == null) {
            throw RecordingFileParser.fail(event.file(), event.line(), "object.metadata.namespace",
                    "the namespace of the " + event.kind(), "nothing");
        }
    }

    ClusterTimeline build() {
        List<PodSpan> podSpans = podSpans();
        podSpans.forEach(span -> namespaces.putIfAbsent(span.namespace(), Map.of()));
        List<NamespaceInfo> namespaceInfos = new ArrayList<>();
        namespaces.forEach((name, labels) -> {
            Map<String, String> withName = new TreeMap<>(labels);
            withName.putIfAbsent(NAMESPACE_NAME_LABEL, name);
            namespaceInfos.add(new NamespaceInfo(name, withName));
        });
        ignored.forEach((kind, count) -> warnings.add(new InputProblem(null, 0, "kind", null,
                "ignored " + count + " event(s) of kind " + kind, Finding.Severity.INFO)));
        boolean empty = start > end;
        return new ClusterTimeline(namespaceInfos, nodes.finish(), podSpans, workloads(podSpans),
                sortedServices(), apiServer.finish(),
                empty ? 0 : start, empty ? 0 : end == WatchEvent.UNTIMED ? Long.MAX_VALUE : end);
    }

    private List<ServiceInfo> sortedServices() {
        List<ServiceInfo> out = new ArrayList<>(services.values());
        out.sort(Comparator.comparing(ServiceInfo::namespace).thenComparing(ServiceInfo::name));
        return out;
    }

    List<InputProblem> warnings() {
        return warnings;
    }

    private List<PodSpan> podSpans() {
        List<PodSpan> out = new ArrayList<>();
        for (PodTracker.Piece piece : pods.finish()) {
            var pod = piece.object();
            out.add(new PodSpan(KubeJson.text(pod, "metadata", "uid"), KubeJson.text(pod, "metadata", "namespace"),
                    KubeJson.text(pod, "metadata", "name"), resolver.resolve(pod), piece.node(), piece.ips(),
                    piece.hostNetwork(), KubeJson.labels(pod), PodFields.ports(pod),
                    KubeJson.text(pod, "spec", "serviceAccountName"), PodFields.os(pod, nodes.os(piece.node())),
                    piece.from(), piece.to()));
        }
        out.sort(Comparator.comparing(PodSpan::namespace).thenComparing(PodSpan::name).thenComparingLong(PodSpan::from));
        return out;
    }

    /** One workload per top owner of a recorded pod; pod labels from its newest span. */
    private List<Workload> workloads(List<PodSpan> podSpans) {
        Map<WorkloadId, PodSpan> newest = new TreeMap<>();
        for (PodSpan span : podSpans) {
            newest.merge(span.workload(), span, (a, b) -> b.from() >= a.from() ? b : a);
        }
        List<Workload> out = new ArrayList<>();
        newest.forEach((id, span) -> {
            Workload workload = resolver.workload(id, span.labels());
            if (workload.selector().isEmpty()) {
                warnings.add(new InputProblem(null, 0, "selector", null,
                        id + " has no stable pod labels: an empty selector would select every pod of its"
                        + " namespace; label its pod template",
                        Finding.Severity.WARNING));
            }
            out.add(workload);
        });
        return out;
    }
}
