package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.RecordingFileParser.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Refuses recorded objects that no API server can have sent (GitHub issue 12, item 7): labels
 * that are not a map of strings, a namespace whose {@code kubernetes.io/metadata.name} label is
 * not its name. Read as they were, such objects gave pods no labels or a namespace selector that
 * matches nothing, and the generated policies denied the observed traffic; as input errors they
 * name file:line:field instead.
 */
final class ObjectChecks {

    private ObjectChecks() {
    }

    /** Checks an event of a kind the timeline reads ({@link ObjectTrimmer#READ}). */
    static void check(WatchEvent event) {
        requireIdentity(event);
        JsonNode object = event.object();
        stringMap(event, KubeJson.at(object, "metadata", "labels"), "object.metadata.labels");
        switch (event.kind()) {
            case "Namespace" -> namespaceNameLabel(event);
            case "Service" -> stringMap(event, KubeJson.at(object, "spec", "selector"), "object.spec.selector");
            case "CronJob" -> stringMap(event, KubeJson.at(object, "spec", "jobTemplate", "spec", "template", "metadata", "labels"),
                    "object.spec.jobTemplate.spec.template.metadata.labels");
            default -> {
                if (WorkloadResolver.KINDS.contains(event.kind())) {
                    stringMap(event, KubeJson.at(object, "spec", "selector", "matchLabels"), "object.spec.selector.matchLabels");
                    stringMap(event, KubeJson.at(object, "spec", "template", "metadata", "labels"),
                            "object.spec.template.metadata.labels");
                }
            }
        }
    }

    /** Every object read needs a name, and all but Namespace and Node a namespace. */
    private static void requireIdentity(WatchEvent event) {
        if (event.name() == null) {
            throw fail(event.file(), event.line(), "object.metadata.name", "the object's name", "nothing");
        }
        boolean clusterScoped = "Namespace".equals(event.kind()) || "Node".equals(event.kind());
        if (!clusterScoped && event.namespace() == null) {
            throw fail(event.file(), event.line(), "object.metadata.namespace", "the namespace of the " + event.kind(), "nothing");
        }
    }

    /** Labels and selectors are {@code map[string]string} in the API; absent or null is an empty map. */
    private static void stringMap(WatchEvent event, JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw fail(event.file(), event.line(), field, "an object of string values", RecordingFileParser.snippet(node.toString()));
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw fail(event.file(), event.line(), field + "." + entry.getKey(), "a string",
                        RecordingFileParser.snippet(entry.getValue().toString()));
            }
        }
    }

    /** The API server sets this label to the name and keeps it so (Kubernetes 1.22+); policies select on it (fact 9). */
    private static void namespaceNameLabel(WatchEvent event) {
        String label = KubeJson.text(event.object(), "metadata", "labels", TimelineBuilder.NAMESPACE_NAME_LABEL);
        if (label != null && !label.equals(event.name())) {
            throw fail(event.file(), event.line(), "object.metadata.labels." + TimelineBuilder.NAMESPACE_NAME_LABEL,
                    "the namespace's name '" + event.name() + "'", "'" + label + "'");
        }
    }
}
