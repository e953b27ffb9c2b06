package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NamespaceInfo;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.ServiceInfo;
import io.flowpol.inference.timeline.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final io.flowpol.ingest.inventory.RecordedInventory inventory = new io.flowpol.ingest.inventory.RecordedInventory();
    private final WorkloadResolver resolver = new WorkloadResolver();
    private final Map<String, Map<String, String>> namespaces = new TreeMap<>();
    private final Map<String, ServiceInfo> services = new HashMap<>();
    private final Map<String, Long> ignored = new TreeMap<>();
    /** Pods already warned about as relabeled off their controller, with where they went. */
    private final Set<String> relabeled = new HashSet<>();
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
        if (io.flowpol.ingest.inventory.RecordedInventory.isInventoryKind(event.kind())) {
            inventory.apply(event.time(), event.type(), event.kind(), event.object(), event.file(), event.line());
            return;
        }
        if (ObjectTrimmer.READ.contains(event.kind())) {
            ObjectChecks.check(event);
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

    /** The AWS network inventory the recording held (record --aws-network live), timed; EMPTY when none. */
    io.flowpol.inference.model.NetworkInventory inventory() {
        return inventory.finish();
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

    /** The labels two label sets share, key and value. */
    private static Map<String, String> common(Map<String, String> a, Map<String, String> b) {
        Map<String, String> out = new TreeMap<>(a);
        out.entrySet().removeIf(e -> !e.getValue().equals(b.get(e.getKey())));
        return out;
    }

    List<InputProblem> warnings() {
        return warnings;
    }

    private List<PodSpan> podSpans() {
        List<PodSpan> out = new ArrayList<>();
        for (PodTracker.Piece piece : pods.finish()) {
            var pod = piece.object();
            Map<String, String> labels = KubeJson.labels(pod);
            out.add(new PodSpan(KubeJson.text(pod, "metadata", "uid"), KubeJson.text(pod, "metadata", "namespace"),
                    KubeJson.text(pod, "metadata", "name"), workloadOf(pod, labels, piece.from()), piece.node(), piece.ips(),
                    piece.hostNetwork(), labels, PodFields.ports(pod),
                    KubeJson.text(pod, "spec", "serviceAccountName"), PodFields.os(pod, nodes.os(piece.node())),
                    piece.from(), piece.to()));
        }
        out.sort(Comparator.comparing(PodSpan::namespace).thenComparing(PodSpan::name).thenComparingLong(PodSpan::from));
        return out;
    }

    /**
     * The workload of a pod in one span: its top owner, unless the pod's labels no longer match
     * that owner's selector (issue 12, item 7: relabeled to take it out of service and debug it,
     * which makes the controller let go of it). Then it belongs to the one recorded controller
     * whose selector its labels match, or, orphaned, is a workload of its own; either way the
     * policies select it by the labels it really has.
     */
    private WorkloadId workloadOf(JsonNode pod, Map<String, String> labels, long from) {
        WorkloadId owner = resolver.resolve(pod);
        LabelSelector selector = resolver.controllerSelector(owner);
        if (selector == null || selector.matches(labels)) {
            return owner;
        }
        String name = owner.namespace() + "/" + KubeJson.text(pod, "metadata", "name");
        List<WorkloadId> selecting = resolver.selecting(owner.namespace(), labels);
        WorkloadId id = selecting.size() == 1 ? selecting.get(0)
                : new WorkloadId(owner.namespace(), "Pod", KubeJson.text(pod, "metadata", "name"));
        if (relabeled.add(name + " " + id)) {
            String now = selecting.size() == 1 ? "it is taken as part of " + id + ", whose selector its labels match"
                    : "it is orphaned and taken as a workload of its own, " + id + ", selected by its labels";
            warnings.add(new InputProblem(null, 0, "metadata.labels", null, "pod " + name + " no longer matches the"
                    + " selector of " + owner + " from " + Instant.ofEpochMilli(from) + " (relabeled, e.g. to debug it): "
                    + now, Finding.Severity.WARNING));
        }
        return id;
    }

    /** One workload per top owner of a recorded pod; pod labels from its newest span. */
    private List<Workload> workloads(List<PodSpan> podSpans) {
        Map<WorkloadId, PodSpan> newest = new TreeMap<>();
        Map<WorkloadId, Map<String, String>> shared = new HashMap<>();
        for (PodSpan span : podSpans) {
            newest.merge(span.workload(), span, (a, b) -> b.from() >= a.from() ? b : a);
            shared.merge(span.workload(), span.labels(), TimelineBuilder::common);
        }
        List<Workload> out = new ArrayList<>();
        newest.forEach((id, span) -> {
            Workload workload = resolver.workload(id, span.labels(), shared.get(id));
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
