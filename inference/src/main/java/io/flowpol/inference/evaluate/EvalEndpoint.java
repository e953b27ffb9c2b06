package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.List;
import java.util.Map;

/**
 * One end of a connection as policies see it. A pod has a namespace, labels, its namespace's
 * labels, a service account and declared ports (named ports resolve per destination pod);
 * anything else (node, external address, load balancer) has {@code pod == false} and only an
 * address, which only ipBlock / nets rules can match.
 */
public record EvalEndpoint(
        boolean pod,
        String namespace,
        String name,
        Map<String, String> labels,
        Map<String, String> namespaceLabels,
        String serviceAccount,
        IpAddress ip,
        List<ContainerPort> ports) {

    public EvalEndpoint {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        namespaceLabels = namespaceLabels == null ? Map.of() : Map.copyOf(namespaceLabels);
        ports = ports == null ? List.of() : List.copyOf(ports);
        if (pod && namespace == null) {
            throw new IllegalArgumentException("a pod endpoint needs a namespace");
        }
    }

    public static EvalEndpoint address(IpAddress ip) {
        return new EvalEndpoint(false, null, null, Map.of(), Map.of(), null, ip, List.of());
    }
}
