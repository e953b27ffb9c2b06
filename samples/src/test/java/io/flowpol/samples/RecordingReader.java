package io.flowpol.samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test-side reading of the recording: pod IP spans, node and API server addresses. */
final class RecordingReader {
    private RecordingReader() {
    }

    /**
     * A pod holds its IP from the event that first shows it Running with a podIP until it
     * leaves Running (Succeeded) or is DELETED. hostNetwork pods are left out: they share
     * the node's address by design.
     */
    static List<GeneratedScenario.PodSpan> podSpans(List<JsonNode> events, Instant end) {
        Map<String, String> ownerOf = owners(events);
        Map<String, GeneratedScenario.PodSpan> open = new HashMap<>();
        List<GeneratedScenario.PodSpan> spans = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode o = e.get("object");
            if (!o.get("kind").asText().equals("Pod") || o.path("spec").path("hostNetwork").asBoolean()) {
                continue;
            }
            String uid = o.get("metadata").get("uid").asText();
            Instant t = Instant.parse(e.get("time").asText());
            boolean running = o.get("status").get("phase").asText().equals("Running")
                    && !e.get("type").asText().equals("DELETED");
            GeneratedScenario.PodSpan current = open.get(uid);
            if (running && current == null && o.get("status").has("podIP")) {
                open.put(uid, new GeneratedScenario.PodSpan(o.get("metadata").get("name").asText(),
                        workloadOf(o, ownerOf), o.get("spec").get("nodeName").asText(),
                        o.get("status").get("podIP").asText(), t, end));
            } else if (!running && current != null) {
                open.remove(uid);
                spans.add(new GeneratedScenario.PodSpan(current.pod(), current.workload(), current.node(),
                        current.ip(), current.from(), t));
            }
        }
        spans.addAll(open.values());
        return spans;
    }

    /** ReplicaSet and Job names to {@code Kind/name} of their controller. */
    private static Map<String, String> owners(List<JsonNode> events) {
        Map<String, String> owners = new HashMap<>();
        for (JsonNode e : events) {
            JsonNode o = e.get("object");
            JsonNode refs = o.get("metadata").path("ownerReferences");
            if (!o.get("kind").asText().equals("Pod") && refs.size() > 0) {
                owners.put(o.get("kind").asText() + "/" + o.get("metadata").get("name").asText(),
                        refs.get(0).get("kind").asText() + "/" + refs.get(0).get("name").asText());
            }
        }
        return owners;
    }

    /** The top owner (DESIGN.md fact 9) as {@code namespace/Kind/name}, as truth.json names it. */
    private static String workloadOf(JsonNode pod, Map<String, String> ownerOf) {
        JsonNode ref = pod.get("metadata").get("ownerReferences").get(0);
        String owner = ref.get("kind").asText() + "/" + ref.get("name").asText();
        while (ownerOf.containsKey(owner)) {
            owner = ownerOf.get(owner);
        }
        return pod.get("metadata").get("namespace").asText() + "/" + owner;
    }

    static Map<String, String> nodeIps(List<JsonNode> events) {
        Map<String, String> ips = new HashMap<>();
        for (JsonNode e : events) {
            JsonNode o = e.get("object");
            if (o.get("kind").asText().equals("Node")) {
                for (JsonNode a : o.get("status").get("addresses")) {
                    if (a.get("type").asText().equals("InternalIP")) {
                        ips.put(o.get("metadata").get("name").asText(), a.get("address").asText());
                    }
                }
            }
        }
        return ips;
    }

    static Set<String> apiServerIps(List<JsonNode> events) {
        Set<String> ips = new HashSet<>();
        for (JsonNode e : events) {
            JsonNode o = e.get("object");
            if (o.get("kind").asText().equals("EndpointSlice")
                    && o.get("metadata").get("name").asText().equals("kubernetes")) {
                o.get("endpoints").forEach(ep -> ep.get("addresses").forEach(a -> ips.add(a.asText())));
            }
        }
        return ips;
    }
}
