package io.flowpol.templates.render;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.EniSets;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.synthesize.RuleEvidence;
import io.flowpol.inference.synthesize.SnatNote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The canonical text forms of evidence used in rule comments, the report and golden files. */
public final class EvidenceText {
    private EvidenceText() {
    }

    /** RFC 3339 UTC, second precision unless the input has fractions; {@code -} when unknown. */
    public static String time(long epochMillis) {
        return epochMillis < 0 ? "-" : Instant.ofEpochMilli(epochMillis).toString();
    }

    /** Peers named in one rule comment; more are counted, so a rule with a whole subnet stays one line. */
    private static final int NAMED_PEERS = 3;

    /**
     * {@link #ruleComment(RuleEvidence)} followed by the rule's in-VPC peers the AWS network
     * inventory names (issue 11 item 3): {@code ...; peer load balancer k8s-shop-frontend (NLB) (10.0.1.50)};
     * then, for each resource whose whole ENI set the rule allows ({@link EniSets}), how many addresses
     * that adds: {@code ...; allows all 3 ENI addresses of load balancer k8s-shop-frontend (NLB) (2 not seen in the window)}.
     */
    static String ruleComment(RuleEvidence evidence, NetworkInventory inventory, EniSets eniSets) {
        String comment = ruleComment(evidence);
        if (comment == null || inventory == null || inventory.isEmpty()) {
            return comment;
        }
        TreeSet<String> named = new TreeSet<>();
        List<IpAddress> inVpc = new ArrayList<>();
        for (Edge e : evidence.edges()) {
            for (Peer p : List.of(e.client(), e.server())) {
                if (p.kind() == Peer.Kind.VPC_ADDRESS && inventory.lookup(p.ip()) != null) {
                    named.add(inventory.displayName(p));
                    inVpc.add(p.ip());
                }
            }
        }
        if (named.isEmpty()) {
            return comment;
        }
        StringBuilder out = new StringBuilder(comment).append(named.size() == 1 ? "; peer " : "; peers ");
        named.stream().limit(NAMED_PEERS).forEach(n -> out.append(n).append(", "));
        out.setLength(out.length() - 2);
        if (named.size() > NAMED_PEERS) {
            out.append(" and ").append(named.size() - NAMED_PEERS).append(" more");
        }
        eniSets.widenings(inVpc).values().forEach(w -> out.append("; allows ").append(w.text()));
        return out.toString();
    }

    /** {@code 42 connections, first 2026-11-30T10:00:00Z, last 2026-11-30T11:59:00Z}; null without evidence. */
    static String ruleComment(RuleEvidence evidence) {
        if (evidence == null || evidence.edges().isEmpty()) {
            return null;
        }
        // SNAT-derived edges carry a node's count: they speak for themselves (issue 14 item 4),
        // the rule's own count covers only the edges it has seen itself.
        StringBuilder out = new StringBuilder();
        if (!evidence.ownEdges().isEmpty()) {
            long n = evidence.connections();
            out.append(n).append(n == 1 ? " connection" : " connections").append(", first ")
                    .append(time(evidence.firstSeen())).append(", last ").append(time(evidence.lastSeen()));
        }
        evidence.snat().stream().map(SnatNote::text).distinct()
                .forEach(text -> out.append(out.length() > 0 ? "; " : "").append(text));
        // One edge stands for every client of an internet-facing port (issue 19 item 3): say how many.
        evidence.internet().forEach(s -> out.append(out.length() > 0 ? "; " : "").append(s.text()));
        if (evidence.internet().isEmpty()) {
            // A whole /24 (/48) instead of the addresses seen (issue 13 item 4): the reviewer must
            // see that this rule allows more than was observed, and why.
            long networks = evidence.ownEdges().stream().flatMap(e -> java.util.stream.Stream.of(e.client(), e.server()))
                    .filter(p -> p.prefix() != null).map(Peer::network).distinct().count();
            if (networks > 0) {
                out.append(out.length() > 0 ? "; " : "").append(networks)
                        .append(networks == 1 ? " network" : " networks")
                        .append(" summarised: more distinct addresses than --internet-clients-threshold, so the whole")
                        .append(" /24 (/48) is allowed (report: \"Many distinct peers\")");
            }
        }
        return out.toString();
    }

    /** {@code TCP 8080} or {@code TCP 8080 (http)}. */
    public static String port(Edge edge) {
        return port(edge.protocol(), edge.port(), edge.portName());
    }

    /**
     * {@code TCP 8080} or {@code TCP 8080 (http)}, for a port that is not an edge's (diff
     * reachability); a protocol without ports (ICMP, GRE, ...; issue 12 item 5) is its name alone.
     */
    public static String port(int protocol, int port, String portNameOrNull) {
        if (port == 0 && protocol != Protocol.TCP && protocol != Protocol.UDP && protocol != Protocol.SCTP) {
            return Protocol.name(protocol);
        }
        return Protocol.name(protocol) + " " + port + (portNameOrNull == null ? "" : " (" + portNameOrNull + ")");
    }
}
