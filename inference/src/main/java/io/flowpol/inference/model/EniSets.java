package io.flowpol.inference.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ENI addresses of one AWS resource, as the network inventory lists them (issue 11 item 3).
 * A load balancer, an interface endpoint, a database or the EKS control plane holds several ENIs
 * and moves traffic between them as it scales or fails over, so a rule to the one address a
 * window happened to see breaks later: rules to such a peer allow the whole set instead.
 * <p>
 * A set is the addresses of every ENI of the same kind and name (the load balancer's name in
 * {@code ELB net/<name>/…}, the endpoint's service, the cluster of {@code Amazon EKS <cluster>},
 * a requester-managed interface's description). RDS interfaces carry no database name, so a
 * database's set is its ENI's own addresses. Node ENIs, NAT gateways, Lambda and plain instances
 * are not widened: their addresses are not interchangeable.
 */
public final class EniSets {
    public static final EniSets EMPTY = new EniSets(NetworkInventory.EMPTY);

    private final NetworkInventory inventory;
    private final Map<String, Set<IpAddress>> byResource = new HashMap<>();

    public EniSets(NetworkInventory inventory) {
        this.inventory = inventory == null ? NetworkInventory.EMPTY : inventory;
        for (VpcAddress a : this.inventory.addresses()) {
            String key = key(a);
            if (key != null) {
                byResource.computeIfAbsent(key, k -> new TreeSet<>()).add(a.ip());
            }
        }
    }

    /** Whether the kind's addresses are interchangeable parts of one resource. */
    public static boolean widened(VpcAddress.Kind kind) {
        return switch (kind) {
            case NETWORK_LOAD_BALANCER, APPLICATION_LOAD_BALANCER, CLASSIC_LOAD_BALANCER, VPC_ENDPOINT,
                 EKS_CONTROL_PLANE, RDS, REQUESTER_MANAGED -> true;
            default -> false;
        };
    }

    private static String key(VpcAddress a) {
        if (!widened(a.kind())) {
            return null;
        }
        if (a.name() != null && !a.name().isEmpty() && a.kind() != VpcAddress.Kind.RDS) {
            return a.kind() + "\u0000" + a.name();
        }
        return a.eniId() == null ? null : a.kind() + "\u0000eni\u0000" + a.eniId();
    }

    /**
     * Every address of the resource that holds {@code ip}, sorted ({@code ip} included), or an
     * empty set when the inventory does not know {@code ip} or its kind is not widened.
     */
    public Set<IpAddress> of(IpAddress ip) {
        VpcAddress a = inventory.lookup(ip);
        if (a == null) {
            return Set.of();
        }
        String key = key(a);
        Set<IpAddress> set = key == null ? null : byResource.get(key);
        return set == null ? Set.of() : java.util.Collections.unmodifiableSet(set);
    }

    /** The resource's display name ({@code load balancer k8s-shop-frontend (NLB)}), or null when unknown. */
    public String name(IpAddress ip) {
        VpcAddress a = inventory.lookup(ip);
        return a == null ? null : a.displayName();
    }

    /**
     * How a rule's peers {@code seen} widen: per resource name, its set size and how many of its
     * addresses the window did not see; resources of one address only are left out.
     */
    public Map<String, Widening> widenings(List<IpAddress> seen) {
        Map<String, Widening> out = new java.util.TreeMap<>();
        Map<String, Set<IpAddress>> seenBy = new HashMap<>();
        for (IpAddress ip : seen) {
            Set<IpAddress> set = of(ip);
            if (set.size() > 1) {
                seenBy.computeIfAbsent(name(ip), k -> new TreeSet<>()).add(ip);
                out.put(name(ip), new Widening(name(ip), set.size(), 0));
            }
        }
        out.replaceAll((name, w) -> new Widening(name, w.addresses(), w.addresses() - seenBy.get(name).size()));
        return out;
    }

    /** A resource whose {@code addresses} ENI addresses a rule allows, {@code added} of them unseen. */
    public record Widening(String resource, int addresses, int added) {
        /** {@code all 3 ENI addresses of load balancer k8s-shop-frontend (NLB) (2 not seen in the window)}. */
        public String text() {
            return "all " + addresses + " ENI addresses of " + resource + seen();
        }

        /** {@code  (2 not seen in the window)}, or that each was seen. */
        public String seen() {
            return added == 0 ? " (each seen in the window)" : " (" + added + " not seen in the window)";
        }
    }
}
