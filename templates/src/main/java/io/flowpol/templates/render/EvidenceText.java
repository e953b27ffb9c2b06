package io.flowpol.templates.render;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.synthesize.RuleEvidence;
import io.flowpol.inference.synthesize.SnatNote;
import java.time.Instant;

/** The canonical text forms of evidence used in rule comments, the report and golden files. */
public final class EvidenceText {
    private EvidenceText() {
    }

    /** RFC 3339 UTC, second precision unless the input has fractions; {@code -} when unknown. */
    public static String time(long epochMillis) {
        return epochMillis < 0 ? "-" : Instant.ofEpochMilli(epochMillis).toString();
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
