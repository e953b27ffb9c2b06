package io.flowpol.ingest.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/** The few fields of a raw Kubernetes object the recorder reads, and the stamp it adds. */
final class ObjectFields {
    private ObjectFields() {
    }

    /**
     * A copy of {@code raw} that starts with the kind's {@code apiVersion} and {@code kind}:
     * list items and typed-client objects may lack them, and the recording contract requires
     * both on every object.
     */
    static JsonObject stamped(JsonObject raw, ResourceKind kind) {
        JsonObject out = new JsonObject();
        out.addProperty("apiVersion", kind.apiVersion());
        out.addProperty("kind", kind.kind());
        for (Map.Entry<String, JsonElement> field : raw.entrySet()) {
            if (!field.getKey().equals("apiVersion") && !field.getKey().equals("kind")) {
                out.add(field.getKey(), field.getValue());
            }
        }
        return out;
    }

    /** Identity across a re-list: the uid, so a deleted and recreated pod of the same name is two objects. */
    static String key(JsonObject object) {
        String uid = metadata(object, "uid");
        if (uid != null) {
            return uid;
        }
        String namespace = metadata(object, "namespace");
        return (namespace == null ? "" : namespace) + "/" + metadata(object, "name");
    }

    static String resourceVersion(JsonObject object) {
        return metadata(object, "resourceVersion");
    }

    static String metadata(JsonObject object, String field) {
        JsonElement metadata = object.get("metadata");
        if (metadata == null || !metadata.isJsonObject()) {
            return null;
        }
        JsonElement value = metadata.getAsJsonObject().get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
