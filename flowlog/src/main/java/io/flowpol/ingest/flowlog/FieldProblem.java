package io.flowpol.ingest.flowlog;

import io.flowpol.inference.model.InputProblem;

/**
 * Why {@link FlowLogLineParser#parse} rejected a line: which field, what it expected, and
 * where the offending bytes are. Reused across lines and filled without allocation; the
 * {@link InputProblem} is only built, with a printable {@code found}, when a caller reports it.
 */
public final class FieldProblem {
    /** Cut-off for {@code found}: enough to recognise the value, short enough for one line. */
    static final int MAX_FOUND = 80;

    private String field;
    private String expected;
    private int foundStart;
    private int foundEnd;
    private String foundText;

    void reset() {
        field = null;
        expected = null;
        foundStart = foundEnd = 0;
        foundText = null;
    }

    void set(String field, String expected, int foundStart, int foundEnd) {
        this.field = field;
        this.expected = expected;
        this.foundStart = foundStart;
        this.foundEnd = foundEnd;
        this.foundText = null;
    }

    void setText(String field, String expected, String foundText) {
        this.field = field;
        this.expected = expected;
        this.foundText = foundText;
    }

    /** The flow-log field name ({@code srcport}), or {@code line} for a wrong number of fields. */
    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }

    /**
     * The problem as data, its {@code found} made printable from {@code buf}, the same buffer
     * the line was parsed from (before it is refilled).
     */
    public InputProblem toInputProblem(String file, long line, byte[] buf) {
        String found = foundText != null ? foundText
                : "'" + ByteFields.printable(buf, foundStart, foundEnd, MAX_FOUND) + "'";
        return InputProblem.error(file, line, field, expected, found);
    }
}
