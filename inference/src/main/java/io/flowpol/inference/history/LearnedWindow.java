package io.flowpol.inference.history;

/** One learning window merged into a state, {@code [start, end)} in epoch millis. */
public record LearnedWindow(long start, long end) {
    public LearnedWindow {
        if (end < start) {
            throw new IllegalArgumentException("window ends before it starts: " + start + " > " + end);
        }
    }
}
