package io.flowpol.inference.evaluate.calico;

/**
 * A Calico selector that does not parse: where (0-based character offset into the selector),
 * what the grammar expected there and what was found.
 */
public final class CalicoSelectorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String selector;
    private final int position;
    private final String expected;
    private final String found;

    public CalicoSelectorException(String selector, int position, String expected, String found) {
        super("selector \"" + selector + "\" at position " + position + ": expected " + expected + ", found " + found);
        this.selector = selector;
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    public String selector() {
        return selector;
    }

    /** 0-based offset of the offending character or token. */
    public int position() {
        return position;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
