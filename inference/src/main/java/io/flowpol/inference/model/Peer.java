package io.flowpol.inference.model;

import java.util.Comparator;

/**
 * One resolved end of an edge: a workload, a node (or hostNetwork pod), the API server,
 * another in-VPC address (load balancer, unrecorded ENI) or an external address. A VPC or
 * external peer with a {@code prefix} is a whole network whose many addresses were summarised
 * as they were counted ({@link PeerSummary}, issue 13 item 4); {@code ip} is then its base.
 * {@code prefix} is null for one address, so state files written before it read unchanged.
 */
public record Peer(Kind kind, WorkloadId workload, String node, IpAddress ip, Integer prefix) implements Comparable<Peer> {

    public enum Kind { WORKLOAD, NODE, API_SERVER, VPC_ADDRESS, EXTERNAL }

    private static final Comparator<Peer> ORDER = Comparator.comparing(Peer::kind)
            .thenComparing(Peer::workload, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Peer::node, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Peer::ip, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Peer::prefix, Comparator.nullsLast(Comparator.reverseOrder()));

    public Peer(Kind kind, WorkloadId workload, String node, IpAddress ip) {
        this(kind, workload, node, ip, null);
    }

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
        if (prefix != null) {
            if (ip == null || (kind != Kind.VPC_ADDRESS && kind != Kind.EXTERNAL)) {
                throw new IllegalArgumentException("a network peer is a VPC or external block: " + kind);
            }
            ip = new Cidr(ip, prefix).base();
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

    /** A summarised network of VPC ({@code vpc}) or external addresses. */
    public static Peer network(boolean vpc, Cidr network) {
        return new Peer(vpc ? Kind.VPC_ADDRESS : Kind.EXTERNAL, null, null, network.base(), network.prefix());
    }

    /** The block of a summarised network, null for any other peer. */
    public Cidr network() {
        return prefix == null ? null : new Cidr(ip, prefix);
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
            case VPC_ADDRESS -> "vpc/" + (prefix == null ? ip : network());
            case EXTERNAL -> "external/" + (prefix == null ? ip : network());
        };
    }
}
