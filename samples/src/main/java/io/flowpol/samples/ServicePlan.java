package io.flowpol.samples;

import java.util.List;
import java.util.Map;

/**
 * A Service. {@code clusterIp} is {@code "None"} for a headless one; a LoadBalancer carries
 * its NLB hostname and the ENI addresses the NLB uses inside the VPC.
 */
record ServicePlan(String namespace, String name, String type, String clusterIp, Map<String, String> selector,
        List<Port> ports, Map<String, String> annotations, String loadBalancerHostname) {

    /** {@code targetPort} is a container port name or a number, as written in the Service. */
    record Port(String name, int port, String targetPort, String protocol) {
    }

    ServicePlan {
        selector = Map.copyOf(selector);
        ports = List.copyOf(ports);
        annotations = Map.copyOf(annotations);
    }
}
