package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Drops the parts of recorded objects the timeline never reads, before all events of all files
 * are held in memory for the merge by time. A pod's status updates repeat its whole object, and
 * {@code managedFields}, annotations such as {@code kubectl.kubernetes.io/last-applied-configuration},
 * container env and volumes are most of its size.
 */
final class ObjectTrimmer {

    /** Kinds whose objects are read; of any other kind only the count is kept. */
    static final Set<String> READ = Set.of("Namespace", "Node", "Pod", "Service", "EndpointSlice", "Endpoints",
            "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob");

    private static final List<String> CONTAINER_FIELDS = List.of(
            "env", "envFrom", "volumeMounts", "resources", "args", "command", "livenessProbe", "readinessProbe",
            "startupProbe", "securityContext", "lifecycle");

    private ObjectTrimmer() {
    }

    /** The object to keep for an event of {@code kind}; trims {@code object} in place. */
    static JsonNode trim(String kind, JsonNode object) {
        if (io.flowpol.ingest.inventory.RecordedInventory.isInventoryKind(kind)) {
            return object; // the AWS network inventory's events (issue 11): read whole
        }
        if (!READ.contains(kind)) {
            return ((ObjectNode) object).objectNode();
        }
        if (!(object instanceof ObjectNode root)) {
            return object;
        }
        if (root.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
            if (!"Service".equals(kind)) {
                // Service annotations drive the load-balancer checks; others are never read.
                metadata.remove("annotations");
            }
        }
        if ("Pod".equals(kind)) {
            if (root.get("spec") instanceof ObjectNode spec) {
                spec.remove(List.of("volumes", "tolerations", "affinity", "ephemeralContainers"));
                trimContainers(spec.get("containers"));
                trimContainers(spec.get("initContainers"));
            }
            if (root.get("status") instanceof ObjectNode status) {
                status.remove(List.of("conditions", "containerStatuses", "initContainerStatuses",
                        "ephemeralContainerStatuses"));
            }
        }
        return root;
    }

    private static void trimContainers(JsonNode containers) {
        if (containers != null && containers.isArray()) {
            containers.forEach(c -> {
                if (c instanceof ObjectNode container) {
                    container.remove(CONTAINER_FIELDS);
                }
            });
        }
    }
}
