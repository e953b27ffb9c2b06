package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.Verdict;
import io.flowpol.inference.model.Edge;

/** An observed edge under the current and the proposed policies. */
public record EdgeChange(Edge edge, Verdict before, Verdict after) {

    public enum Status {
        /** Allowed today, denied by the proposal: the proposal would break observed traffic. */
        BROKEN,
        /** Denied today and by the proposal (blocked, or an unrecorded exception). */
        STILL_DENIED,
        /** Denied today, allowed by the proposal. */
        FIXED,
        /** Allowed on both sides. */
        UNCHANGED
    }

    public Status status() {
        if (before.allowed()) {
            return after.allowed() ? Status.UNCHANGED : Status.BROKEN;
        }
        return after.allowed() ? Status.FIXED : Status.STILL_DENIED;
    }

    /** True when the proposal denies this observed edge (exit code 3 of diff). */
    public boolean deniedAfter() {
        return !after.allowed();
    }
}
