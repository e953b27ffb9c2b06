package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading fields of Kubernetes objects held as Jackson trees. Absent fields read as null or
 * empty: the API server omits empty fields, so absence is normal, not an error.
 */
final class KubeJson {

    /** The controlling owner of an object: {@code metadata.ownerReferences[controller=true]}. */
    record Owner(String kind, String name) {
    }

    private KubeJson() {
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        for (String step : path) {
            current = current.path(step);
        }
        return current;
    }

    /** The text at {@code path}, or null when absent, null or not a scalar. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** A JSON object of string values (labels, annotations, matchLabels) as a sorted map. */
    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    static Map<String, String> labels(JsonNode object) {
        return stringMap(at(object, "metadata", "labels"));
    }

    /** The elements of an array at {@code path}; empty when absent. */
    static List<JsonNode> array(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        List<JsonNode> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(out::add);
        }
        return out;
    }

    /**
     * The owner reference with {@code controller: true}; with none flagged, a single owner
     * reference is taken as the controller (hand-written manifests often omit the flag).
     */
    static Owner controller(JsonNode object) {
        List<JsonNode> refs = array(object, "metadata", "ownerReferences");
        for (JsonNode ref : refs) {
            if (ref.path("controller").asBoolean(false)) {
                return owner(ref);
            }
        }
        return refs.size() == 1 ? owner(refs.get(0)) : null;
    }

    private static Owner owner(JsonNode ref) {
        String kind = text(ref, "kind");
        String name = text(ref, "name");
        return kind == null || name == null ? null : new Owner(kind, name);
    }
}
