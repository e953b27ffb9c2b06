package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.PolicyType;
import java.util.List;

/**
 * Reachability the proposed policies add over the current ones, for one workload and direction,
 * summarised by peer: an address range ({@code cidrs}, or {@code enclosing} minus {@code except};
 * covering {@code kinds}) or a group of workloads of one namespace ({@code namespace},
 * {@code workloads}). {@code allowedAfter} is what the proposal allows to that peer,
 * {@code newlyAllowed} the part the current policies deny. {@code addresses} is the size of the
 * range, {@code newAddresses} the addresses (for a workload group: the workloads) gaining
 * anything, {@code newPorts} the (protocol, port) pairs gained, so a widened rule says by how
 * much. {@code observedConnections}: connections of the window towards the peer on allowed ports.
 */
public record NewReachability(WorkloadId workload, PolicyType direction, PeerKind kind, List<PeerKind> kinds,
                              List<String> cidrs, String enclosing, List<String> except, String namespace,
                              List<WorkloadId> workloads, ConnectionSet allowedAfter, ConnectionSet newlyAllowed,
                              long addresses, long newAddresses, long newPorts, long observedConnections) {
    public NewReachability {
        kinds = List.copyOf(kinds);
        cidrs = List.copyOf(cidrs);
        except = List.copyOf(except);
        workloads = List.copyOf(workloads);
    }

    /** True for an address range, false for a group of workloads. */
    public boolean addressPeer() {
        return namespace == null;
    }

    /** {@code 0.0.0.0/0 except 169.254.169.254/32}, {@code 10.0.0.0/16} or {@code namespace shop: cart, web}. */
    public String peerText() {
        if (addressPeer()) {
            if (cidrs.size() <= 4) {
                return String.join(", ", cidrs);
            }
            if (except.size() <= 6) {
                return enclosing + (except.isEmpty() ? "" : " except " + String.join(", ", except));
            }
            return String.join(", ", cidrs.subList(0, 4)) + " and " + (cidrs.size() - 4) + " more CIDRs";
        }
        StringBuilder out = new StringBuilder("namespace ").append(namespace).append(": ");
        for (int i = 0; i < workloads.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(workloads.get(i).name());
        }
        return out.toString();
    }

    /** {@code 65535 addresses x 1 port}: how much a widened rule adds. */
    public String sizeText() {
        String unit = addressPeer() ? (newAddresses == 1 ? " address" : " addresses")
                : (newAddresses == 1 ? " workload" : " workloads");
        return newAddresses + unit + " x " + newPorts + (newPorts == 1 ? " port" : " ports");
    }

    /** {@code all ports} or the connection set's canonical text. */
    public static String portsText(ConnectionSet set) {
        return set.isAll() ? "all ports" : set.toString();
    }

    /**
     * One line: {@code shop/Deployment/cart: egress to 0.0.0.0/0 (the internet, VPC addresses) on
     * all ports (new: 4294967296 addresses x 196605 ports; never observed: 0 connections)}.
     */
    public String summary() {
        String to = direction == PolicyType.EGRESS ? "egress to " : "ingress from ";
        StringBuilder kindsText = new StringBuilder();
        for (PeerKind k : kinds) {
            kindsText.append(kindsText.length() == 0 ? "" : ", ").append(k.text());
        }
        String seen = observedConnections == 0 ? "never observed: 0 connections"
                : "observed: " + observedConnections + " connections";
        String newPortsText = newlyAllowed.equals(allowedAfter) ? "" : " " + portsText(newlyAllowed);
        return workload + ": " + to + peerText() + " (" + kindsText + ") on " + portsText(allowedAfter)
                + " (new: " + sizeText() + newPortsText + "; " + seen + ")";
    }
}
