package io.flowpol.templates.diff;

import io.flowpol.inference.evaluate.Verdict;
import io.flowpol.inference.model.Protocol;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one text form of ports, times and decisions used by every diff format (STYLE.md habit 3:
 * one canonical text form in report, diff and golden files).
 */
final class PeerText {
    private PeerText() {
    }

    /** {@code TCP 8080}, {@code TCP 8080 (http)}, or {@code ICMP} for port-less protocols (port 0). */
    static String port(int protocol, int port, String portName) {
        String text = port == 0 ? Protocol.name(protocol) : Protocol.name(protocol) + " " + port;
        return portName == null || portName.isEmpty() ? text : text + " (" + portName + ")";
    }

    /** RFC 3339 UTC to the second, or {@code -} when unknown (0). */
    static String time(long epochMillis) {
        return epochMillis <= 0 ? "-" : Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * What denies a connection: the denying direction(s) of the verdict, named as the evaluator
     * decided them ({@code deny: ...} for a Calico Deny rule, {@code default deny: selected by ...}
     * for isolation without a matching allow rule). When neither reason says deny (an evaluator
     * that words it differently), both directions are shown rather than guessing.
     */
    static String denial(Verdict verdict) {
        boolean egressDenies = denies(verdict.egressDecision());
        boolean ingressDenies = denies(verdict.ingressDecision());
        if (egressDenies && !ingressDenies) {
            return "egress: " + verdict.egressDecision();
        }
        if (ingressDenies && !egressDenies) {
            return "ingress: " + verdict.ingressDecision();
        }
        return "egress: " + verdict.egressDecision() + "; ingress: " + verdict.ingressDecision();
    }

    private static boolean denies(String decision) {
        return decision != null && (decision.startsWith("deny") || decision.startsWith("default deny"));
    }

    static String allowed(boolean allowed) {
        return allowed ? "allowed" : "denied";
    }
}
