package io.flowpol.inference.model;

import java.util.List;

/**
 * One class of connections whose VPC or external end had too many distinct addresses to list one
 * by one, summarised while they were counted (issue 13 item 4, issue 19 item 4): {@code other} is
 * the end that stayed exact (a workload, node, or one address), the summarised end was the client
 * when {@code summarisedIsClient}. {@code evidence} totals are exact. {@code networks} are its /24
 * (IPv4) and /48 (IPv6) networks, busiest first, and a last one with prefix 0 holding the networks
 * beyond the per-class limit, if any. {@code distinctAddresses} is exact when {@code distinctExact},
 * an estimate (HyperLogLog, about 2 % error) otherwise.
 *
 * @param attempt true for connections that were never answered (DESIGN.md fact 11)
 */
public record PeerSummary(Peer other, boolean summarisedIsClient, Peer.Kind kind, boolean attempt, int protocol,
                          int port, Evidence evidence, long distinctAddresses, boolean distinctExact,
                          List<Network> networks) {

    /**
     * One network: its block, how many networks it stands for (1, or an estimate for the rest),
     * exact totals, distinct addresses (exact for an IPv4 /24) and its busiest addresses.
     */
    public record Network(Cidr network, long networks, Evidence evidence, long distinctAddresses,
                          boolean distinctExact, List<Address> top) {
        public Network {
            top = List.copyOf(top);
        }

        /** The peer this network is an edge end of. */
        public Peer peer(Peer.Kind kind) {
            return Peer.network(kind == Peer.Kind.VPC_ADDRESS, network);
        }
    }

    /**
     * A heavy hitter (space-saving): {@code connections} counts this address's connections plus
     * at most {@code overcount} of addresses it displaced; exact when {@code overcount} is 0.
     */
    public record Address(IpAddress ip, long connections, long overcount) {
    }

    public PeerSummary {
        if (other == null || kind == null || evidence == null) {
            throw new IllegalArgumentException("other, kind and evidence are required");
        }
        networks = List.copyOf(networks);
    }

    /** The edge of one of this summary's networks. */
    public Edge edge(Network network, String portName) {
        Peer summarised = network.peer(kind);
        return summarisedIsClient ? new Edge(summarised, other, protocol, port, portName, network.evidence())
                : new Edge(other, summarised, protocol, port, portName, network.evidence());
    }
}
