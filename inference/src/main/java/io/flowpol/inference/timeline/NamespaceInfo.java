package io.flowpol.inference.timeline;

import java.util.Map;

/** A namespace and its labels (the last seen), including kubernetes.io/metadata.name. */
public record NamespaceInfo(String name, Map<String, String> labels) {
    public NamespaceInfo {
        if (name == null) {
            throw new IllegalArgumentException("name == null");
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
