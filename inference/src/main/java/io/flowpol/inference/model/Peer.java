package io.flowpol.inference.model;

import java.util.Comparator;

/**
 * One resolved end of an edge: a workload, a node (or hostNetwork pod), the API server,
 * another in-VPC address (load balancer, unrecorded ENI) or an external address.
 */
public record Peer(Kind kind, WorkloadId workload, String node, IpAddress ip) implements Comparable<Peer> {

    public enum Kind { WORKLOAD, NODE, API_SERVER, VPC_ADDRESS, EXTERNAL }

    private static final Comparator<Peer> ORDER = Comparator.comparing(Peer::kind)
            .thenComparing(Peer::workload, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Peer::node, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Peer::ip, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Peer {
        if (kind == null) {
            throw new IllegalArgumentException("kind == null");
        }
        if (kind == Kind.WORKLOAD && workload == null) {
            throw new IllegalArgumentException("workload == null");
        }
        if (kind == Kind.NODE && node == null) {
            throw new IllegalArgumentException("node == null");
        }
    }

    public static Peer workload(WorkloadId id) {
        return new Peer(Kind.WORKLOAD, id, null, null);
    }

    /** A node; {@code ip} is the address it was seen with (ipBlock rules need it). */
    public static Peer node(String name, IpAddress ip) {
        return new Peer(Kind.NODE, null, name, ip);
    }

    public static Peer apiServer(IpAddress ip) {
        return new Peer(Kind.API_SERVER, null, null, ip);
    }

    public static Peer vpcAddress(IpAddress ip) {
        return new Peer(Kind.VPC_ADDRESS, null, null, ip);
    }

    public static Peer external(IpAddress ip) {
        return new Peer(Kind.EXTERNAL, null, null, ip);
    }

    @Override
    public int compareTo(Peer other) {
        return ORDER.compare(this, other);
    }

    /** Short display form used in reports and golden files. */
    @Override
    public String toString() {
        return switch (kind) {
            case WORKLOAD -> workload.toString();
            case NODE -> "node/" + node + (ip == null ? "" : "(" + ip + ")");
            case API_SERVER -> "apiserver" + (ip == null ? "" : "(" + ip + ")");
            case VPC_ADDRESS -> "vpc/" + ip;
            case EXTERNAL -> "external/" + ip;
        };
    }
}
