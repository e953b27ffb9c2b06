package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.RecordingFileParser.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses recorded objects that no API server can have sent (GitHub issue 12, item 7): labels
 * that are not a map of strings, a namespace whose {@code kubernetes.io/metadata.name} label is
 * not its name. Read as they were, such objects gave pods no labels or a namespace selector that
 * matches nothing, and the generated policies denied the observed traffic; as input errors they
 * name file:line:field instead.
 */
final class ObjectChecks {
    /** Names of most objects (Kubernetes "Object Names and IDs"). */
    private static final Pattern DNS_1123_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    /** Namespace names. */
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

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

    /**
     * Every object read needs a name, and all but Namespace and Node a namespace, both as the API
     * server validates them: they become policy names, file names and message text, so a name
     * with a slash or an escape sequence must not get that far.
     */
    private static void requireIdentity(WatchEvent event) {
        if (event.name() == null) {
            throw fail(event.file(), event.line(), "object.metadata.name", "the object's name", "nothing");
        }
        boolean namespaceObject = "Namespace".equals(event.kind());
        name(event, event.name(), "object.metadata.name", namespaceObject ? DNS_1123_LABEL : DNS_1123_SUBDOMAIN);
        boolean clusterScoped = namespaceObject || "Node".equals(event.kind());
        if (!clusterScoped && event.namespace() == null) {
            throw fail(event.file(), event.line(), "object.metadata.namespace", "the namespace of the " + event.kind(), "nothing");
        }
        if (!clusterScoped) {
            name(event, event.namespace(), "object.metadata.namespace", DNS_1123_LABEL);
        }
        List<JsonNode> owners = KubeJson.array(event.object(), "metadata", "ownerReferences");
        for (int i = 0; i < owners.size(); i++) {
            String owner = KubeJson.text(owners.get(i), "name");
            if (owner != null) {
                name(event, owner, "object.metadata.ownerReferences[" + i + "].name", DNS_1123_SUBDOMAIN);
            }
        }
    }

    private static void name(WatchEvent event, String name, String field, Pattern pattern) {
        if (!pattern.matcher(name).matches()) {
            throw fail(event.file(), event.line(), field, pattern == DNS_1123_LABEL
                    ? "a DNS-1123 label (at most 63 of a-z, 0-9 and '-')"
                    : "a DNS-1123 subdomain (at most 253 of a-z, 0-9, '-' and '.')", "'" + name + "'");
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
