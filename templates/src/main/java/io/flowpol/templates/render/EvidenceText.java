package io.flowpol.templates.render;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.synthesize.RuleEvidence;
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
        long n = evidence.connections();
        return n + (n == 1 ? " connection" : " connections") + ", first " + time(evidence.firstSeen())
                + ", last " + time(evidence.lastSeen());
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
