package io.flowpol.templates.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpol.inference.diff.BeyondObserved;
import io.flowpol.inference.diff.NewReachability;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.PeerSummary;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.VpcAddress;
import io.flowpol.inference.synthesize.InternetClients;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Writes {@code edges.json}: the learned edges with their evidence, the edges left out,
 * attempts and SNAT-hidden egress, for tools and for a later {@code diff}. Times are RFC
 * 3339 UTC; peers are objects with their kind, so no consumer parses display strings.
 */
final class EdgesJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Networks and addresses per network listed for a summarised class; the rest are summed. */
    private static final int TOP_NETWORKS = 10;
    private static final int TOP_ADDRESSES = 5;

    private EdgesJson() {
    }

    /**
     * A VPC-address peer the inventory knows carries its {@code vpc} description (issue 11 item 3);
     * {@code beyond}: the report's "Allowed beyond what was observed" rows (issue 18 item 3).
     */
    static void write(Path file, InferenceResult result, SynthesizedPolicies policies, NetworkInventory inventory,
                      List<BeyondObserved> beyond) throws IOException {
        NetworkInventory names = inventory == null ? NetworkInventory.EMPTY : inventory;
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        java.util.Set<Edge> leftOut = new java.util.HashSet<>(policies.leftOut());
        SummarisedPeers summarised = new SummarisedPeers(result);
        // The networks of a summarised class are one entry of summarisedPeers (issue 13 item 4), so the
        // file grows with classes, not with networks or addresses.
        java.util.Set<PeerSummary> classes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Edge> listed = policies.unsummarised(result.edges()).stream().filter(e -> !leftOut.contains(e)).toList();
        edges(root.putArray("edges"), single(listed, summarised, classes), names);
        internetClients(root.putArray("internetClients"), policies.internetClients(), names);
        edges(root.putArray("leftOut"), single(policies.leftOut(), summarised, classes), names);
        edges(root.putArray("attempts"), single(result.attempts(), summarised, classes), names);
        ArrayNode summaries = root.putArray("summarisedPeers");
        result.peerSummaries().stream().filter(classes::contains).forEach(c -> summary(summaries.addObject(), c, names));
        ArrayNode snat = root.putArray("snatEgress");
        result.snatEgress().stream().sorted(Comparator.comparing(SnatEgress::node).thenComparing(SnatEgress::destination)
                .thenComparingInt(SnatEgress::protocol).thenComparingInt(SnatEgress::port)).forEach(s -> {
                    ObjectNode o = snat.addObject();
                    o.put("node", s.node());
                    o.put("destination", String.valueOf(s.destination()));
                    o.put("protocol", Protocol.name(s.protocol()));
                    o.put("port", s.port());
                    evidence(o, s.evidence());
                    ArrayNode candidates = o.putArray("candidates");
                    s.candidates().stream().sorted().forEach(w -> candidates.add(w.toString()));
                    // Each connection's time-resolved candidates, counted per distinct set (issue 14 item 2).
                    ArrayNode sets = o.putArray("candidateSets");
                    s.sets().forEach(set -> {
                        ObjectNode so = sets.addObject();
                        ArrayNode workloads = so.putArray("workloads");
                        set.workloads().forEach(w -> workloads.add(w.toString()));
                        so.put("connections", set.connections());
                    });
                });
        beyond(root.putArray("beyondObserved"), beyond);
        MAPPER.writeValue(file.toFile(), root);
    }

    /**
     * The clients of internet-facing ports, one entry per port instead of one edge per client (issue 19
     * item 3): exact totals, the top networks and the rest summed, and the blocks the rule allows.
     */
    private static void internetClients(ArrayNode out, List<InternetClients> summaries, NetworkInventory names) {
        for (InternetClients s : summaries) {
            ObjectNode o = out.addObject();
            peer(o.putObject("server"), Peer.workload(s.server()), names);
            o.put("protocol", Protocol.name(s.protocol()));
            o.put("port", s.port());
            if (s.portName() != null) {
                o.put("portName", s.portName());
            }
            o.put("distinctClients", s.distinctClients());
            o.put("distinctIpv4", s.distinctV4());
            o.put("distinctIpv6", s.distinctV6());
            o.put("networks", s.networks());
            if (s.estimated()) {
                o.put("distinctEstimated", true);
            }
            evidence(o, s.evidence());
            ArrayNode allowed = o.putArray("allowed");
            s.allowed().forEach(c -> allowed.add(c.toString()));
            ArrayNode top = o.putArray("topNetworks");
            s.topNetworks().forEach(n -> {
                ObjectNode t = top.addObject();
                t.put("network", n.network().toString());
                t.put("clients", n.clients());
                t.put("connections", n.connections());
            });
            ObjectNode rest = o.putObject("otherNetworks");
            rest.put("networks", s.networks() - s.topNetworks().size());
            rest.put("clients", s.rest().clients());
            rest.put("connections", s.rest().connections());
        }
    }

    /** The report's "Allowed beyond what was observed" rows (issue 18 item 3); {@code expected} null for a surprise. */
    private static void beyond(ArrayNode out, List<BeyondObserved> rows) {
        for (BeyondObserved b : rows) {
            NewReachability r = b.reachability();
            ObjectNode o = out.addObject();
            o.put("workload", r.workload().toString());
            o.put("direction", r.direction().name().toLowerCase(java.util.Locale.ROOT));
            o.put("peer", r.peerText());
            ArrayNode kinds = o.putArray("peerKinds");
            r.kinds().forEach(k -> kinds.add(k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
            o.put("allowed", NewReachability.portsText(r.allowedAfter()));
            o.put("unobserved", NewReachability.portsText(r.newlyAllowed()));
            o.put("unobservedPeers", r.newAddresses());
            o.put("unobservedPorts", r.newPorts());
            o.put("observedConnections", r.observedConnections());
            o.put("expected", b.expected());
        }
    }

    /** The edges between single ends, sorted; the classes of the others are added to {@code classes}. */
    private static List<Edge> single(List<Edge> edges, SummarisedPeers summarised, java.util.Set<PeerSummary> classes) {
        List<Edge> out = new java.util.ArrayList<>();
        for (Edge e : edges) {
            PeerSummary c = summarised.classOf(e);
            if (c == null) {
                out.add(e);
            } else {
                classes.add(c);
            }
        }
        out.sort(null);
        return out;
    }

    private static void edges(ArrayNode out, List<Edge> edges, NetworkInventory names) {
        for (Edge e : edges) {
            ObjectNode o = out.addObject();
            peer(o.putObject("client"), e.client(), names);
            peer(o.putObject("server"), e.server(), names);
            o.put("protocol", Protocol.name(e.protocol()));
            o.put("port", e.port());
            if (e.portName() != null) {
                o.put("portName", e.portName());
            }
            evidence(o, e.evidence());
        }
    }

    /**
     * One summarised class (issue 13 item 4): the exact end, which end varied, exact totals, distinct
     * addresses (exact, or an estimate), its busiest networks each with its busiest addresses, whose
     * counts are an upper bound when {@code overcount} is above 0 (space-saving), and the rest summed.
     */
    private static void summary(ObjectNode o, PeerSummary c, NetworkInventory names) {
        peer(o.putObject(c.summarisedIsClient() ? "server" : "client"), c.other(), names);
        o.put("summarisedEnd", c.summarisedIsClient() ? "client" : "server");
        o.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        o.put("attempt", c.attempt());
        o.put("protocol", Protocol.name(c.protocol()));
        o.put("port", c.port());
        o.put("distinctAddresses", c.distinctAddresses());
        o.put("distinctExact", c.distinctExact());
        o.put("networks", c.networks().stream().mapToLong(PeerSummary.Network::networks).sum());
        evidence(o, c.evidence());
        ArrayNode top = o.putArray("topNetworks");
        long restNetworks = 0;
        long restAddresses = 0;
        long restConnections = 0;
        long restBytes = 0;
        int listed = 0;
        for (PeerSummary.Network n : c.networks()) {
            if (n.network().prefix() > 0 && listed < TOP_NETWORKS) {
                listed++;
                ObjectNode t = top.addObject();
                t.put("network", n.network().toString());
                t.put("distinctAddresses", n.distinctAddresses());
                t.put("distinctExact", n.distinctExact());
                t.put("connections", n.evidence().connections());
                t.put("bytes", n.evidence().bytes());
                ArrayNode addresses = t.putArray("topAddresses");
                n.top().stream().limit(TOP_ADDRESSES).forEach(a -> {
                    ObjectNode ao = addresses.addObject();
                    ao.put("ip", a.ip().toString());
                    ao.put("connections", a.connections());
                    ao.put("overcount", a.overcount());
                });
            } else {
                restNetworks += n.networks();
                restAddresses += n.distinctAddresses();
                restConnections += n.evidence().connections();
                restBytes += n.evidence().bytes();
            }
        }
        ObjectNode rest = o.putObject("otherNetworks");
        rest.put("networks", restNetworks);
        rest.put("distinctAddresses", restAddresses);
        rest.put("connections", restConnections);
        rest.put("bytes", restBytes);
    }

    private static void peer(ObjectNode o, Peer peer, NetworkInventory names) {
        peer(o, peer);
        VpcAddress a = peer.kind() == Peer.Kind.VPC_ADDRESS && peer.network() == null ? names.lookup(peer.ip()) : null;
        if (a != null) {
            ObjectNode vpc = o.putObject("vpc");
            vpc.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            vpc.put("displayName", a.displayName());
            if (a.name() != null) {
                vpc.put("name", a.name());
            }
            if (a.eniId() != null) {
                vpc.put("eni", a.eniId());
            }
            if (a.instanceId() != null) {
                vpc.put("instance", a.instanceId());
            }
            if (a.vpcId() != null) {
                vpc.put("vpcId", a.vpcId());
            }
        }
    }

    private static void peer(ObjectNode o, Peer peer) {
        o.put("kind", peer.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (peer.workload() != null) {
            o.put("namespace", peer.workload().namespace());
            o.put("workloadKind", peer.workload().kind());
            o.put("name", peer.workload().name());
        }
        if (peer.node() != null) {
            o.put("node", peer.node());
        }
        if (peer.network() != null) {
            o.put("network", peer.network().toString());
        } else if (peer.ip() != null) {
            o.put("ip", peer.ip().toString());
        }
    }

    private static void evidence(ObjectNode o, Evidence ev) {
        if (ev == null) {
            return;
        }
        o.put("connections", ev.connections());
        o.put("packets", ev.packets());
        o.put("bytes", ev.bytes());
        o.put("firstSeen", EvidenceText.time(ev.firstSeen()));
        o.put("lastSeen", EvidenceText.time(ev.lastSeen()));
        ArrayNode proofs = o.putArray("directionProofs");
        ev.proofs().stream().sorted().forEach(p -> proofs.add(p.name()));
    }
}
