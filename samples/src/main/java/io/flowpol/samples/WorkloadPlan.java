package io.flowpol.samples;

import java.util.List;
import java.util.Map;

/**
 * A workload as its top controller declares it: {@code selector} is the controller's
 * {@code spec.selector.matchLabels} and the pod template's labels (DESIGN.md fact 9).
 */
record WorkloadPlan(String namespace, String kind, String name, Map<String, String> selector, int replicas,
        List<PortPlan> ports, boolean hostNetwork, boolean windows) {

    WorkloadPlan {
        selector = Map.copyOf(selector);
        ports = List.copyOf(ports);
    }

    /** The truth file's and the tests' name for it: {@code namespace/Kind/name}. */
    String key() {
        return namespace + "/" + kind + "/" + name;
    }

    String serviceAccount() {
        return name;
    }
}
