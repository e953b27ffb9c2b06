package io.flowpol.inference.evaluate;

/**
 * The answer for one direction at one endpoint (the source's egress or the destination's
 * ingress). {@code reason} is one of: {@code <kind>/<namespace>/<name> ingress[2]} (the rule that
 * allowed), {@code deny: <kind>/<name> egress[0]} (a Calico Deny rule),
 * {@code default deny: selected by <policy>, <policy>}, {@code no policy selects the pod}
 * (possibly after {@code pass: ...}), or {@code not a pod}. Global Calico kinds have no
 * namespace part.
 */
public record DirectionDecision(boolean allowed, String reason) {
    public static final DirectionDecision NOT_A_POD = new DirectionDecision(true, "not a pod");

    public DirectionDecision {
        if (reason == null) {
            throw new IllegalArgumentException("reason == null");
        }
    }
}
