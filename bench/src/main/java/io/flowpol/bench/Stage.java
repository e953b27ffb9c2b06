package io.flowpol.bench;

/** The prefixes of the pipeline that {@code flowpol bench} times, shortest first. */
public enum Stage {
    /** Read, decompress and parse into the reused cursor; the sink only counts. */
    PARSE("parse"),
    /** Parse, resolve both ends at the record's time (DESIGN.md fact 6) and orient (fact 7). */
    RESOLVE("parse+resolve+orient"),
    /** The whole inference: parse, resolve, orient, join (facts 1, 2), aggregate, finish to edges. */
    FULL("full pipeline");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
