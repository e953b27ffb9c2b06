package io.flowpol.inference.timeline;

import io.flowpol.inference.model.IpAddress;
import java.util.List;
import java.util.Map;

/**
 * A node over {@code [from, to)} epoch millis with its addresses (InternalIP, ExternalIP):
 * what flow logs show for the node itself, hostNetwork pods and, without pkt-* fields,
 * the node's pods (DESIGN.md fact 2). {@code os} from the kubernetes.io/os label.
 * {@code providerId} is {@code spec.providerID} ({@code aws:///eu-west-1a/i-0abc…} on EKS),
 * null when not recorded: it ties the node to the ENIs the AWS network inventory lists as
 * attached to its instance (fact 13).
 */
public record NodeSpan(String name, List<IpAddress> addresses, Map<String, String> labels, String os, long from, long to,
                       String providerId) {
    public NodeSpan {
        if (name == null) {
            throw new IllegalArgumentException("name == null");
        }
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A node without a recorded {@code spec.providerID}. */
    public NodeSpan(String name, List<IpAddress> addresses, Map<String, String> labels, String os, long from, long to) {
        this(name, addresses, labels, os, from, to, null);
    }

    /**
     * The EC2 instance id of {@code spec.providerID} ({@code aws:///<zone>/<instance-id>}, the
     * form the AWS cloud provider writes), or null when there is none or it is not an AWS one.
     */
    public String instanceId() {
        if (providerId == null || !providerId.startsWith("aws://")) {
            return null;
        }
        String id = providerId.substring(providerId.lastIndexOf('/') + 1);
        return id.startsWith("i-") ? id : null;
    }
}
