package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.timeline.AddressSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API server's addresses over time (DESIGN.md fact 10): on EKS the control plane is reached
 * through cross-account ENIs in the cluster VPC, listed as the endpoints of
 * {@code default/kubernetes}, and EKS replaces them during upgrades. Read from the
 * EndpointSlices labelled {@code kubernetes.io/service-name: kubernetes} and the legacy
 * {@code Endpoints default/kubernetes}; spans of both sources are merged.
 */
final class ApiServerTracker {

    private record Address(IpAddress ip, int port) {
    }

    /** Per source object, the addresses it lists now and since when. */
    private final Map<String, Map<Address, Long>> listed = new HashMap<>();
    private final List<AddressSpan> spans = new ArrayList<>();

    static boolean isApiServer(WatchEvent event) {
        if (!"default".equals(event.namespace())) {
            return false;
        }
        return "Endpoints".equals(event.kind())
                ? "kubernetes".equals(event.name())
                : "kubernetes".equals(KubeJson.labels(event.object()).get("kubernetes.io/service-name"));
    }

    void apply(WatchEvent event) {
        Set<Address> now = event.deleted() ? Set.of()
                : "Endpoints".equals(event.kind()) ? fromEndpoints(event) : fromSlice(event);
        Map<Address, Long> since = listed.computeIfAbsent(event.kind() + "/" + event.name(), k -> new HashMap<>());
        for (Map.Entry<Address, Long> entry : List.copyOf(since.entrySet())) {
            if (!now.contains(entry.getKey())) {
                add(entry.getKey(), entry.getValue(), event.time());
                since.remove(entry.getKey());
            }
        }
        now.forEach(address -> since.putIfAbsent(address, event.time()));
    }

    /** The spans, addresses listed at the end running to {@link Long#MAX_VALUE}, merged per address. */
    List<AddressSpan> finish() {
        listed.values().forEach(since -> since.forEach((address, from) -> add(address, from, Long.MAX_VALUE)));
        listed.clear();
        spans.sort(Comparator.comparing(AddressSpan::ip).thenComparingInt(AddressSpan::port)
                .thenComparingLong(AddressSpan::from));
        List<AddressSpan> merged = new ArrayList<>();
        for (AddressSpan span : spans) {
            AddressSpan last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.ip().equals(span.ip()) && last.port() == span.port() && span.from() <= last.to()) {
                merged.set(merged.size() - 1, new AddressSpan(last.ip(), last.port(), last.from(), Math.max(last.to(), span.to())));
            } else {
                merged.add(span);
            }
        }
        return List.copyOf(merged);
    }

    private void add(Address address, long from, long to) {
        if (to > from) {
            spans.add(new AddressSpan(address.ip(), address.port(), from, to));
        }
    }

    /** discovery.k8s.io/v1: {@code endpoints[].addresses[]} × {@code ports[].port}; FQDN slices skipped. */
    private static Set<Address> fromSlice(WatchEvent event) {
        Set<Address> out = new LinkedHashSet<>();
        if ("FQDN".equals(KubeJson.text(event.object(), "addressType"))) {
            return out;
        }
        List<Integer> ports = ports(KubeJson.array(event.object(), "ports"));
        for (JsonNode endpoint : KubeJson.array(event.object(), "endpoints")) {
            for (JsonNode address : KubeJson.array(endpoint, "addresses")) {
                addAll(out, address.asText(), ports, event, "endpoints.addresses");
            }
        }
        return out;
    }

    /** core/v1 Endpoints: per subset, (addresses and notReadyAddresses) × ports. */
    private static Set<Address> fromEndpoints(WatchEvent event) {
        Set<Address> out = new LinkedHashSet<>();
        for (JsonNode subset : KubeJson.array(event.object(), "subsets")) {
            List<Integer> ports = ports(KubeJson.array(subset, "ports"));
            for (String list : List.of("addresses", "notReadyAddresses")) {
                for (JsonNode address : KubeJson.array(subset, list)) {
                    addAll(out, KubeJson.text(address, "ip"), ports, event, "subsets." + list);
                }
            }
        }
        return out;
    }

    /** No port listed: the API server's Service port, 443 (https) on EKS. */
    private static List<Integer> ports(List<JsonNode> ports) {
        List<Integer> out = new ArrayList<>();
        ports.forEach(port -> {
            if (port.path("port").asInt(0) > 0) {
                out.add(port.path("port").asInt());
            }
        });
        return out.isEmpty() ? List.of(443) : out;
    }

    private static void addAll(Set<Address> out, String ip, List<Integer> ports, WatchEvent event, String field) {
        Set<IpAddress> parsed = new LinkedHashSet<>();
        PodFields.add(parsed, ip, event, field);
        parsed.forEach(address -> ports.forEach(port -> out.add(new Address(address, port))));
    }
}
