package io.flowpol.inference.timeline;

import io.flowpol.inference.model.IpAddress;
import java.util.List;
import java.util.Map;

/**
 * A node over {@code [from, to)} epoch millis with its addresses (InternalIP, ExternalIP):
 * what flow logs show for the node itself, hostNetwork pods and, without pkt-* fields,
 * the node's pods (DESIGN.md fact 2). {@code os} from the kubernetes.io/os label.
 */
public record NodeSpan(String name, List<IpAddress> addresses, Map<String, String> labels, String os, long from, long to) {
    public NodeSpan {
        if (name == null) {
            throw new IllegalArgumentException("name == null");
        }
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
