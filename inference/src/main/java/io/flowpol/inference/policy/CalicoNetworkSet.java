package io.flowpol.inference.policy;

import io.flowpol.inference.model.Cidr;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Calico {@code GlobalNetworkSet}: a labelled list of address blocks that rule selectors
 * match like endpoints (with {@code namespaceSelector: global()} in a namespaced policy), so that
 * one address list is shared by every rule that names it.
 */
public record CalicoNetworkSet(String name, Map<String, String> labels, List<Cidr> nets) {
    public CalicoNetworkSet {
        if (name == null) {
            throw new IllegalArgumentException("name == null");
        }
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        nets = nets == null ? List.of() : List.copyOf(nets);
    }
}
