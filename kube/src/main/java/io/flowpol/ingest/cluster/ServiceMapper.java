package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.timeline.ServiceInfo;
import io.flowpol.inference.timeline.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A core/v1 Service object as {@link ServiceInfo}. Its ports tell which side of a flow listens
 * (DESIGN.md fact 7) and its load-balancer settings feed the LoadBalancer checks (seed
 * practices: internal scheme annotation, loadBalancerSourceRanges).
 */
final class ServiceMapper {

    private ServiceMapper() {
    }

    static ServiceInfo toInfo(WatchEvent event) {
        JsonNode service = event.object();
        JsonNode spec = service.path("spec");
        String type = KubeJson.text(spec, "type");
        List<String> sourceRanges = new ArrayList<>();
        KubeJson.array(spec, "loadBalancerSourceRanges").forEach(range -> sourceRanges.add(range.asText()));
        List<String> ingress = new ArrayList<>();
        for (JsonNode entry : KubeJson.array(service, "status", "loadBalancer", "ingress")) {
            String address = KubeJson.text(entry, "ip");
            String hostname = KubeJson.text(entry, "hostname");
            if (address != null) {
                ingress.add(address);
            }
            if (hostname != null) {
                ingress.add(hostname);
            }
        }
        return new ServiceInfo(event.namespace(), event.name(), type == null ? "ClusterIP" : type,
                KubeJson.stringMap(spec.path("selector")), ports(spec), clusterIps(event),
                KubeJson.stringMap(service.path("metadata").path("annotations")), sourceRanges, ingress);
    }

    /**
     * A numeric {@code targetPort} or a named one (resolved per destination pod, fact 9). An
     * absent targetPort is defaulted to {@code port}, as the API server does on create.
     */
    private static List<ServicePort> ports(JsonNode spec) {
        List<ServicePort> out = new ArrayList<>();
        for (JsonNode port : KubeJson.array(spec, "ports")) {
            int number = port.path("port").asInt(0);
            String protocolText = KubeJson.text(port, "protocol");
            int protocol = protocolText == null ? Protocol.TCP : Protocol.parse(protocolText);
            JsonNode target = port.path("targetPort");
            int targetPort = number;
            String targetName = null;
            if (target.isNumber()) {
                targetPort = target.asInt();
            } else if (target.isTextual()) {
                String text = target.asText();
                if (!text.isEmpty() && text.length() <= 5 && text.chars().allMatch(Character::isDigit)) {
                    targetPort = Integer.parseInt(text);
                } else {
                    targetPort = 0;
                    targetName = text;
                }
            }
            out.add(new ServicePort(KubeJson.text(port, "name"), number, protocol < 0 ? Protocol.TCP : protocol,
                    targetPort, targetName, port.path("nodePort").asInt(0)));
        }
        return out;
    }

    /** {@code spec.clusterIPs} (dual-stack), else {@code spec.clusterIP}; "None" (headless) is no address. */
    private static List<IpAddress> clusterIps(WatchEvent event) {
        Set<IpAddress> out = new LinkedHashSet<>();
        for (JsonNode ip : KubeJson.array(event.object(), "spec", "clusterIPs")) {
            if (!"None".equals(ip.asText())) {
                PodFields.add(out, ip.asText(), event, "spec.clusterIPs");
            }
        }
        String single = KubeJson.text(event.object(), "spec", "clusterIP");
        if (out.isEmpty() && single != null && !"None".equals(single)) {
            PodFields.add(out, single, event, "spec.clusterIP");
        }
        return List.copyOf(out);
    }
}
