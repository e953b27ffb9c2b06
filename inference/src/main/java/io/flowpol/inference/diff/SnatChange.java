package io.flowpol.inference.diff;

import io.flowpol.inference.snat.SnatVerdict;

/**
 * The SNAT-ed egress to one destination and port as the current and the proposed policies decide
 * it (issue 14 item 3): the sender is one of the candidates, so each side says whether it allows
 * them all, some or none.
 */
public record SnatChange(SnatVerdict before, SnatVerdict after) {
    public SnatChange {
        if (before == null || after == null) {
            throw new IllegalArgumentException("before and after are required");
        }
    }

    /** Worth showing: the proposal may deny some of these connections, or decides them otherwise than today. */
    public boolean notable() {
        return after.mayDeny() || before.reach() != after.reach();
    }
}
