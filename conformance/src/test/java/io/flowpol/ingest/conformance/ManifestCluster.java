package io.flowpol.ingest.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.ingest.policy.SourceDocument;
import io.flowpol.ingest.policy.YamlDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The workloads, pods and namespaces of a directory of manifests, modelled as netpol-analyzer
 * models them (conformance/netpol-analyzer/README.md, "Analysis model"): a pod with a
 * controller owner is reported as that owner ({@code ns/name[Kind]}, not resolved further), a
 * workload manifest as itself with its pod template's labels and ports; objects without a
 * namespace are in {@code default}; every namespace has {@code kubernetes.io/metadata.name}.
 * Endpoints carry no IP address: a workload has no single one, and netpol-analyzer never
 * matches a pod by ipBlock.
 */
final class ManifestCluster {
    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet",
            "DaemonSet", "ReplicationController", "Job", "CronJob");

    private final Map<String, Map<String, String>> namespaceLabels = new TreeMap<>();
    /** Display name (ns/name[Kind]) → endpoint, sorted. */
    private final Map<String, EvalEndpoint> workloads = new TreeMap<>();
    /** ns/podName → endpoint, sorted. */
    private final Map<String, EvalEndpoint> pods = new TreeMap<>();

    static ManifestCluster read(Path dir) {
        ManifestCluster cluster = new ManifestCluster();
        List<SourceDocument> docs = YamlDocuments.read(List.of(dir));
        for (SourceDocument doc : docs) {
            if ("Namespace".equals(doc.kind())) {
                String name = text(doc.node().path("metadata").path("name"), "default");
                cluster.namespaceLabels.put(name, labels(doc.node().path("metadata").path("labels")));
            }
        }
        for (SourceDocument doc : docs) {
            String kind = doc.kind();
            if ("Pod".equals(kind)) {
                cluster.addPod(doc.node());
            } else if (kind != null && WORKLOAD_KINDS.contains(kind)) {
                cluster.addWorkload(kind, doc.node());
            }
        }
        return cluster;
    }

    Map<String, EvalEndpoint> workloads() {
        return workloads;
    }

    Map<String, EvalEndpoint> pods() {
        return pods;
    }

    private void addPod(JsonNode pod) {
        JsonNode metadata = pod.path("metadata");
        String namespace = text(metadata.path("namespace"), "default");
        String name = text(metadata.path("name"), "");
        String display = namespace + "/" + name + "[Pod]";
        for (JsonNode owner : metadata.path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false) && !"Node".equals(owner.path("kind").asText())) {
                // An owner reference without a kind is reported as a Pod, as upstream does
                // (example_pods_w_same_owner_and_labels_gap_* fixtures).
                String ownerKind = owner.path("kind").asText("");
                display = namespace + "/" + owner.path("name").asText() + "[" + (ownerKind.isEmpty() ? "Pod" : ownerKind) + "]";
            }
        }
        EvalEndpoint endpoint = endpoint(namespace, display, metadata.path("labels"), pod.path("spec"));
        pods.put(namespace + "/" + name, endpoint);
        workloads.putIfAbsent(display, endpoint);
    }

    private void addWorkload(String kind, JsonNode workload) {
        JsonNode metadata = workload.path("metadata");
        String namespace = text(metadata.path("namespace"), "default");
        String display = namespace + "/" + text(metadata.path("name"), "") + "[" + kind + "]";
        JsonNode spec = workload.path("spec");
        JsonNode template = "CronJob".equals(kind) ? spec.path("jobTemplate").path("spec").path("template") : spec.path("template");
        workloads.put(display, endpoint(namespace, display, template.path("metadata").path("labels"), template.path("spec")));
    }

    private EvalEndpoint endpoint(String namespace, String display, JsonNode labels, JsonNode podSpec) {
        Map<String, String> nsLabels = new HashMap<>(namespaceLabels.getOrDefault(namespace, Map.of()));
        nsLabels.putIfAbsent("kubernetes.io/metadata.name", namespace);
        return new EvalEndpoint(true, namespace, display, labels(labels), nsLabels, null, (IpAddress) null, ports(podSpec));
    }

    private static List<ContainerPort> ports(JsonNode podSpec) {
        List<ContainerPort> ports = new ArrayList<>();
        for (JsonNode container : podSpec.path("containers")) {
            for (JsonNode port : container.path("ports")) {
                String name = port.hasNonNull("name") ? port.get("name").asText() : null;
                int protocol = Protocol.parse(text(port.path("protocol"), "TCP"));
                ports.add(new ContainerPort(name, port.path("containerPort").asInt(), protocol));
            }
        }
        return ports;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static String text(JsonNode node, String absent) {
        return node.isTextual() ? node.asText() : absent;
    }
}
