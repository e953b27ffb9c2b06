package io.flowpol.ingest.cluster;

import static io.flowpol.ingest.cluster.KubeObjects.event;
import static io.flowpol.ingest.cluster.KubeObjects.millis;
import static io.flowpol.ingest.cluster.KubeObjects.object;
import static io.flowpol.ingest.cluster.KubeObjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.timeline.AddressSpan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API server's addresses over time (DESIGN.md fact 10). */
class ApiServerTrackerTest {

    private static final String T0 = "2024-05-01T10:00:00Z";
    private static final String T1 = "2024-05-01T10:30:00Z";

    @TempDir
    Path dir;

    private List<AddressSpan> read(String... lines) {
        return new ClusterRecordingReader().read(List.of(write(dir, "r.jsonl", List.of(lines)))).timeline().apiServer();
    }

    private static ObjectNode slice(String name, String serviceName, String... ips) {
        ObjectNode slice = KubeObjects.labels(object("EndpointSlice", "default", name),
                Map.of("kubernetes.io/service-name", serviceName));
        slice.put("addressType", "IPv4");
        ArrayNode endpoints = slice.putArray("endpoints");
        for (String ip : ips) {
            endpoints.addObject().putArray("addresses").add(ip);
        }
        slice.putArray("ports").addObject().put("name", "https").put("port", 443).put("protocol", "TCP");
        return slice;
    }

    private static ObjectNode endpoints(String... ips) {
        ObjectNode endpoints = object("Endpoints", "default", "kubernetes");
        ObjectNode subset = endpoints.putArray("subsets").addObject();
        ArrayNode addresses = subset.putArray("addresses");
        for (String ip : ips) {
            addresses.addObject().put("ip", ip);
        }
        subset.putArray("ports").addObject().put("name", "https").put("port", 443);
        return endpoints;
    }

    @Test
    void endpointSliceAddressesSpanTheTimeTheyWereListed() {
        List<AddressSpan> spans = read(
                event(T0, "ADDED", slice("kubernetes", "kubernetes", "10.0.5.1", "10.0.6.1")),
                event(T1, "MODIFIED", slice("kubernetes", "kubernetes", "10.0.6.1", "10.0.7.1")));

        assertEquals(List.of(
                new AddressSpan(IpAddress.parse("10.0.5.1"), 443, millis(T0), millis(T1)),
                new AddressSpan(IpAddress.parse("10.0.6.1"), 443, millis(T0), Long.MAX_VALUE),
                new AddressSpan(IpAddress.parse("10.0.7.1"), 443, millis(T1), Long.MAX_VALUE)), spans);
    }

    @Test
    void endpointsObjectIsReadAndMergedWithTheSlice() {
        List<AddressSpan> spans = read(
                event(T0, "ADDED", endpoints("10.0.5.1")),
                event(T0, "ADDED", slice("kubernetes", "kubernetes", "10.0.5.1")),
                event(T1, "DELETED", endpoints("10.0.5.1")));

        assertEquals(List.of(new AddressSpan(IpAddress.parse("10.0.5.1"), 443, millis(T0), Long.MAX_VALUE)), spans);
    }

    @Test
    void endpointsOfOtherServicesAreNotTheApiServer() {
        ObjectNode other = object("Endpoints", "default", "web");
        other.putArray("subsets").addObject().putArray("addresses").addObject().put("ip", "10.0.9.9");

        assertTrue(read(
                event(T0, "ADDED", slice("web-abc", "web", "10.0.9.9")),
                event(T0, "ADDED", other)).isEmpty());
    }
}
