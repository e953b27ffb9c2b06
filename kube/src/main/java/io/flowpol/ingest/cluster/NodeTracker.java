package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.timeline.NodeSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nodes over time with the addresses flow logs show for them, their hostNetwork pods and,
 * without pkt-* fields, their pods (DESIGN.md facts 2, 3 and 10). A span runs from the node's
 * first event to its DELETED event; a change of addresses starts a new span, since a freed node
 * address can be reused by a pod or another node (fact 6).
 */
final class NodeTracker {

    private static final class Open {
        final List<IpAddress> addresses;
        final long from;
        Map<String, String> labels;
        String providerId;

        Open(List<IpAddress> addresses, Map<String, String> labels, long from) {
            this.addresses = addresses;
            this.labels = labels;
            this.from = from;
        }
    }

    private final Map<String, Open> open = new HashMap<>();
    private final Map<String, Map<String, String>> lastLabels = new HashMap<>();
    private final List<NodeSpan> spans = new ArrayList<>();

    void apply(WatchEvent event) {
        String name = event.name();
        if (name == null) {
            return;
        }
        Map<String, String> labels = KubeJson.labels(event.object());
        lastLabels.put(name, labels);
        List<IpAddress> addresses = addresses(event);
        // spec.providerID names the node's EC2 instance: the inventory's ENIs attach to it (fact 13).
        String providerId = KubeJson.text(event.object(), "spec", "providerID");
        Open current = open.get(name);
        if (current != null) {
            current.labels = labels;
            if (providerId != null) {
                current.providerId = providerId;
            }
            if (!event.deleted() && current.addresses.equals(addresses)) {
                return;
            }
            close(name, current, event.time());
        }
        if (!event.deleted()) {
            Open next = new Open(addresses, labels, event.time());
            next.providerId = providerId != null ? providerId : current == null ? null : current.providerId;
            open.put(name, next);
        }
    }

    /** The {@code kubernetes.io/os} label of a node in its last recorded state, or null. */
    String os(String node) {
        Map<String, String> labels = node == null ? null : lastLabels.get(node);
        return labels == null ? null : labels.get("kubernetes.io/os");
    }

    List<NodeSpan> finish() {
        List<String> alive = new ArrayList<>(open.keySet());
        alive.forEach(name -> close(name, open.get(name), Long.MAX_VALUE));
        spans.sort(Comparator.comparing(NodeSpan::name).thenComparingLong(NodeSpan::from));
        return List.copyOf(spans);
    }

    private void close(String name, Open span, long to) {
        open.remove(name);
        if (to > span.from) {
            spans.add(new NodeSpan(name, span.addresses, span.labels, span.labels.get("kubernetes.io/os"), span.from, to,
                    span.providerId));
        }
    }

    /** {@code status.addresses} of type InternalIP and ExternalIP (not hostnames). */
    private static List<IpAddress> addresses(WatchEvent event) {
        Set<IpAddress> out = new LinkedHashSet<>();
        for (String type : List.of("InternalIP", "ExternalIP")) {
            for (JsonNode address : KubeJson.array(event.object(), "status", "addresses")) {
                if (type.equals(KubeJson.text(address, "type"))) {
                    PodFields.add(out, KubeJson.text(address, "address"), event, "status.addresses");
                }
            }
        }
        return List.copyOf(out);
    }
}
