package io.flowpol.inference.evaluate;

/**
 * The answer for one connection: allowed or not, and what decided each direction, as
 * {@code kind/namespace/name} of the policy plus the rule (e.g. {@code ingress[2]}), or
 * {@code "no policy selects the pod"} / {@code "default deny: selected by ns/a, ns/b"}.
 * {@code stagedAllowed} is the same question answered with staged policies in force.
 */
public record Verdict(boolean allowed, String egressDecision, String ingressDecision, boolean stagedAllowed) {
}
