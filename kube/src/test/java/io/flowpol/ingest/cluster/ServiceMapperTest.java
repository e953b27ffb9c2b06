package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.KubeObjects.event;
import static io.flowpol.ingest.cluster.KubeObjects.object;
import static io.flowpol.ingest.cluster.KubeObjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.timeline.ServiceInfo;
import io.flowpol.inference.timeline.ServicePort;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceMapperTest {

    @TempDir
    Path dir;

    @Test
    void loadBalancerServiceKeepsPortsSelectorAndLoadBalancerSettings() {
        ObjectNode service = object("Service", "shop", "web");
        service.withObjectProperty("metadata").putObject("annotations")
                .put("service.beta.kubernetes.io/aws-load-balancer-internal", "true");
        ObjectNode spec = service.putObject("spec").put("type", "LoadBalancer").put("clusterIP", "172.20.1.1");
        spec.putArray("clusterIPs").add("172.20.1.1");
        spec.putObject("selector").put("app", "web");
        ArrayNode ports = spec.putArray("ports");
        ports.addObject().put("name", "http").put("port", 80).put("targetPort", "http").put("nodePort", 31000);
        ports.addObject().put("name", "dns").put("port", 53).put("protocol", "UDP").put("targetPort", 5353);
        spec.putArray("loadBalancerSourceRanges").add("10.0.0.0/16");
        service.putObject("status").putObject("loadBalancer").putArray("ingress")
                .addObject().put("hostname", "internal-web-1.elb.amazonaws.com");
        Path file = write(dir, "r.jsonl", List.of(
                event("2024-05-01T10:00:00Z", "ADDED", object("Service", "shop", "web")),
                event("2024-05-01T10:01:00Z", "MODIFIED", service)));

        List<ServiceInfo> services = new ClusterRecordingReader().read(List.of(file)).timeline().services();
        assertEquals(1, services.size());
        ServiceInfo info = services.get(0);
        assertEquals("LoadBalancer", info.type());
        assertEquals(Map.of("app", "web"), info.selector());
        assertEquals(List.of(new ServicePort("http", 80, Protocol.TCP, 0, "http", 31000),
                new ServicePort("dns", 53, Protocol.UDP, 5353, null, 0)), info.ports());
        assertEquals(List.of(IpAddress.parse("172.20.1.1")), info.clusterIps());
        assertEquals(List.of("10.0.0.0/16"), info.loadBalancerSourceRanges());
        assertEquals(List.of("internal-web-1.elb.amazonaws.com"), info.loadBalancerIngress());
        assertEquals("true", info.annotations().get("service.beta.kubernetes.io/aws-load-balancer-internal"));
    }

    @Test
    void servicesAreOrderedByNamespaceThenName() {
        Path file = write(dir, "r.jsonl", List.of(
                event("2024-05-01T10:00:00Z", "ADDED", object("Service", "a", "z")),
                event("2024-05-01T10:00:00Z", "ADDED", object("Service", "a-b", "a")),
                event("2024-05-01T10:00:00Z", "ADDED", object("Service", "a", "y"))));

        List<ServiceInfo> services = new ClusterRecordingReader().read(List.of(file)).timeline().services();
        assertEquals(List.of("a/y", "a/z", "a-b/a"), services.stream().map(s -> s.namespace() + "/" + s.name()).toList());
    }

    @Test
    void headlessServiceHasNoClusterIpAndDefaultTargetPort() {
        ObjectNode service = object("Service", "data", "db");
        ObjectNode spec = service.putObject("spec").put("clusterIP", "None");
        spec.putArray("ports").addObject().put("port", 5432);
        Path file = write(dir, "r.jsonl", List.of(event("2024-05-01T10:00:00Z", "ADDED", service)));

        ServiceInfo info = new ClusterRecordingReader().read(List.of(file)).timeline().services().get(0);
        assertEquals(List.of(), info.clusterIps());
        assertEquals("ClusterIP", info.type());
        assertEquals(List.of(new ServicePort(null, 5432, Protocol.TCP, 5432, null, 0)), info.ports());
    }
}
