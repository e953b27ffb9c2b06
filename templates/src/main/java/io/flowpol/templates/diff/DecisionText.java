package io.flowpol.templates.diff;

import io.flowpol.inference.evaluate.Verdict;

/**
 * How the evaluator's decisions read in every diff format. Ports and times use the generate
 * report's forms ({@code io.flowpol.templates.render.EvidenceText}): one canonical text form in
 * report, diff and golden files (STYLE.md habit 3).
 */
final class DecisionText {
    private DecisionText() {
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
