package io.flowpol.ingest.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One list-then-watch stream: a kind, cluster-wide ({@code namespace == null}) or in one
 * namespace, optionally narrowed by a label selector.
 */
record WatchScope(ResourceKind kind, String namespace, String labelSelector) {

    /**
     * The EndpointSlice of {@code default/kubernetes}: its endpoints are the API server
     * (DESIGN.md fact 10), needed even when the user records other namespaces only. The label is
     * set by the EndpointSlice controller on every slice of a Service
     * (https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#ownership).
     */
    static final WatchScope API_SERVER_SLICE =
            new WatchScope(ResourceKind.ENDPOINT_SLICE, "default", "kubernetes.io/service-name=kubernetes");

    WatchScope {
        Objects.requireNonNull(kind, "kind == null");
        if (namespace != null && !kind.namespaced()) {
            throw new IllegalArgumentException(kind.kind() + " is cluster-scoped, namespace must be null");
        }
    }

    /** The scopes that record {@code namespaces} (empty = all), in a stable order. */
    static List<WatchScope> plan(List<String> namespaces) {
        List<WatchScope> scopes = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            if (!kind.namespaced() || namespaces.isEmpty()) {
                scopes.add(new WatchScope(kind, null, null));
                continue;
            }
            for (String namespace : namespaces) {
                scopes.add(new WatchScope(kind, namespace, null));
            }
        }
        if (!namespaces.isEmpty() && !namespaces.contains("default")) {
            scopes.add(API_SERVER_SLICE);
        }
        return scopes;
    }

    /** Whether {@code object} (of this scope's kind) is one this scope lists and watches. */
    boolean covers(com.google.gson.JsonObject object) {
        if (namespace != null && !namespace.equals(ObjectFields.metadata(object, "namespace"))) {
            return false;
        }
        if (labelSelector == null) {
            return true;
        }
        // the only selector used is the API server slice's single key=value
        String[] keyValue = labelSelector.split("=", 2);
        com.google.gson.JsonElement labels = object.getAsJsonObject("metadata").get("labels");
        return labels != null && labels.isJsonObject() && labels.getAsJsonObject().has(keyValue[0])
                && keyValue[1].equals(labels.getAsJsonObject().get(keyValue[0]).getAsString());
    }

    /** For messages and thread names: {@code pods}, {@code pods in shop}. */
    String describe() {
        String text = kind.plural();
        if (namespace != null) {
            text += " in " + namespace;
        }
        if (labelSelector != null) {
            text += " (" + labelSelector + ")";
        }
        return text;
    }
}
