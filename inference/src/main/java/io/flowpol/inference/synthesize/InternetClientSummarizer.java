package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.PeerSummary;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Finds the internet-facing ports (issue 19 item 3): per server workload, protocol and port, the
 * public external clients that reached it directly (a load balancer with client IP preservation,
 * DESIGN.md fact 10); above the threshold they become one {@link InternetClients}. Private
 * addresses (RFC 1918, RFC 6598, ULA) are never counted: they are offices and peered networks whose
 * few addresses keep their exact rules.
 */
final class InternetClientSummarizer {
    /** Networks listed by name in comments, the report and edges.json; the rest are summed. */
    static final int TOP_NETWORKS = 10;
    /** At most this many client networks are allowed as learned blocks; beyond, every address. */
    static final int MAX_LEARNED_NETWORKS = 16;

    private static final List<Cidr> PRIVATE = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("100.64.0.0/10"), Cidr.parse("fc00::/7"));

    private InternetClientSummarizer() {
    }

    private record Port(WorkloadId server, int protocol, int port) {
    }

    /** The summaries of every port with more than {@code threshold} distinct public clients, in port order. */
    static List<InternetClients> summarize(List<Edge> edges, int threshold) {
        return summarize(edges, threshold, List.of(), false);
    }

    /**
     * As {@link #summarize(List, int)}, where an edge from a summarised client network counts that
     * network's distinct clients from its {@link PeerSummary} (issue 13 item 4); with
     * {@code perNetwork} the rule allows every client network however many there are.
     */
    static List<InternetClients> summarize(List<Edge> edges, int threshold, List<PeerSummary> peerSummaries,
                                           boolean perNetwork) {
        Map<NetworkKey, PeerSummary.Network> summarised = new HashMap<>();
        for (PeerSummary p : peerSummaries) {
            if (!p.attempt() && p.summarisedIsClient() && p.kind() == Peer.Kind.EXTERNAL
                    && p.other().kind() == Peer.Kind.WORKLOAD) {
                p.networks().forEach(n -> summarised.put(new NetworkKey(n.network(), p.other().workload(),
                        p.protocol(), p.port()), n));
            }
        }
        Map<Port, List<Edge>> byPort = new HashMap<>();
        for (Edge edge : edges) {
            if (isPublicClient(edge, summarised)) {
                byPort.computeIfAbsent(new Port(edge.server().workload(), edge.protocol(), edge.port()),
                        k -> new ArrayList<>()).add(edge);
            }
        }
        List<InternetClients> out = new ArrayList<>();
        byPort.forEach((port, group) -> {
            Tally tally = new Tally();
            group.forEach(e -> tally.add(e, summarised.get(key(e))));
            if (tally.distinct() > threshold) {
                out.add(summary(port, group, tally, perNetwork));
            }
        });
        out.sort(Comparator.comparing((InternetClients s) -> s.server()).thenComparingInt(InternetClients::protocol)
                .thenComparingInt(InternetClients::port));
        return out;
    }

    private record NetworkKey(Cidr network, WorkloadId server, int protocol, int port) {
    }

    private static NetworkKey key(Edge e) {
        return e.client().network() == null ? null
                : new NetworkKey(e.client().network(), e.server().workload(), e.protocol(), e.port());
    }

    /** Client networks of one port: distinct clients and connections per /24 (/48), and the rest. */
    private static final class Tally {
        final Map<Cidr, long[]> networks = new TreeMap<>();
        long v4;
        long v6;
        long restNetworks;
        long restClients;
        long restConnections;
        boolean estimated;

        void add(Edge e, PeerSummary.Network summary) {
            if (summary == null) {
                IpAddress ip = e.client().ip();
                long[] n = networks.computeIfAbsent(new Cidr(ip, ip.isV4() ? 24 : 48), k -> new long[2]);
                n[0]++;
                n[1] += connections(e);
                if (ip.isV4()) {
                    v4++;
                } else {
                    v6++;
                }
                return;
            }
            estimated |= !summary.distinctExact();
            if (summary.network().base().isV4()) {
                v4 += summary.distinctAddresses();
            } else {
                v6 += summary.distinctAddresses();
            }
            if (summary.network().prefix() == 0) {
                // Networks beyond the per-port limit: counted, never listed (PeerSummary).
                restNetworks += summary.networks();
                restClients += summary.distinctAddresses();
                restConnections += summary.evidence().connections();
            } else {
                long[] n = networks.computeIfAbsent(summary.network(), k -> new long[2]);
                n[0] += summary.distinctAddresses();
                n[1] += summary.evidence().connections();
            }
        }

        long distinct() {
            return v4 + v6;
        }
    }

    private static boolean isPublicClient(Edge edge, Map<NetworkKey, PeerSummary.Network> summarised) {
        if (edge.client().kind() != Peer.Kind.EXTERNAL || edge.client().ip() == null
                || edge.server().kind() != Peer.Kind.WORKLOAD) {
            return false;
        }
        int p = edge.protocol();
        if (p != Protocol.TCP && p != Protocol.UDP && p != Protocol.SCTP) {
            return false; // a port-less protocol stays with OtherProtocolRules
        }
        if (edge.client().network() != null) {
            // Summarised networks are public or private as a whole (PeerAggregator's classes).
            PeerSummary.Network n = summarised.get(key(edge));
            return n != null && n.top().stream().noneMatch(a -> PRIVATE.stream().anyMatch(c -> c.contains(a.ip())));
        }
        IpAddress ip = edge.client().ip();
        return PRIVATE.stream().noneMatch(c -> c.contains(ip));
    }

    private static InternetClients summary(Port port, List<Edge> group, Tally tally, boolean perNetwork) {
        List<InternetClients.Network> ranked = new ArrayList<>();
        tally.networks.forEach((cidr, n) -> ranked.add(new InternetClients.Network(cidr, (int) n[0], n[1])));
        // Most clients first; the block breaks ties so the order never depends on hashing.
        ranked.sort(Comparator.comparingInt(InternetClients.Network::clients).reversed()
                .thenComparing(InternetClients.Network::network));
        List<InternetClients.Network> top = List.copyOf(ranked.subList(0, Math.min(TOP_NETWORKS, ranked.size())));
        long restClients = tally.restClients;
        long restConnections = tally.restConnections;
        for (InternetClients.Network n : ranked.subList(top.size(), ranked.size())) {
            restClients += n.clients();
            restConnections += n.connections();
        }
        long networks = tally.networks.size() + tally.restNetworks;
        List<Cidr> allowed = new ArrayList<>();
        if (tally.restNetworks == 0 && (perNetwork || networks <= MAX_LEARNED_NETWORKS)) {
            allowed.addAll(tally.networks.keySet());
        } else {
            if (tally.v4 > 0) {
                allowed.add(Cidr.parse("0.0.0.0/0"));
            }
            if (tally.v6 > 0) {
                allowed.add(Cidr.parse("::/0"));
            }
        }
        List<Edge> sorted = group.stream().sorted().toList();
        return new InternetClients(port.server(), port.protocol(), port.port(), portName(sorted), (int) tally.v4,
                (int) tally.v6, total(sorted), top,
                new InternetClients.Network(Cidr.parse("0.0.0.0/0"), (int) restClients, restConnections),
                (int) networks, allowed, sorted, tally.estimated);
    }

    /** The port's name when every client saw the same one (DESIGN.md fact 9), else null. */
    private static String portName(List<Edge> edges) {
        String name = edges.get(0).portName();
        return edges.stream().allMatch(e -> Objects.equals(e.portName(), name)) ? name : null;
    }

    private static Evidence total(List<Edge> edges) {
        long connections = 0;
        long packets = 0;
        long bytes = 0;
        long first = Long.MAX_VALUE;
        long last = -1;
        EnumSet<DirectionProof> proofs = EnumSet.noneOf(DirectionProof.class);
        for (Edge e : edges) {
            Evidence ev = e.evidence();
            connections += connections(e);
            if (ev != null) {
                packets += ev.packets();
                bytes += ev.bytes();
                if (ev.firstSeen() >= 0) {
                    first = Math.min(first, ev.firstSeen());
                }
                last = Math.max(last, ev.lastSeen());
                proofs.addAll(ev.proofs());
            }
        }
        return new Evidence(connections, packets, bytes, first == Long.MAX_VALUE ? -1 : first, last, proofs);
    }

    private static long connections(Edge edge) {
        return edge.evidence() == null ? 1 : edge.evidence().connections();
    }
}
