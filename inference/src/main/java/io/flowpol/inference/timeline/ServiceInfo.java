package io.flowpol.inference.timeline;

import io.flowpol.inference.model.IpAddress;
import java.util.List;
import java.util.Map;

/** A Service (last seen state): its selector, ports, cluster IPs and load-balancer settings. */
public record ServiceInfo(
        String namespace,
        String name,
        String type,
        Map<String, String> selector,
        List<ServicePort> ports,
        List<IpAddress> clusterIps,
        Map<String, String> annotations,
        List<String> loadBalancerSourceRanges,
        List<String> loadBalancerIngress) {

    public ServiceInfo {
        if (namespace == null || name == null) {
            throw new IllegalArgumentException("namespace and name are required");
        }
        selector = selector == null ? Map.of() : Map.copyOf(selector);
        ports = ports == null ? List.of() : List.copyOf(ports);
        clusterIps = clusterIps == null ? List.of() : List.copyOf(clusterIps);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        loadBalancerSourceRanges = loadBalancerSourceRanges == null ? List.of() : List.copyOf(loadBalancerSourceRanges);
        loadBalancerIngress = loadBalancerIngress == null ? List.of() : List.copyOf(loadBalancerIngress);
    }
}
