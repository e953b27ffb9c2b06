package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one-line summary speaks English: "1 attempt", not "1 attempts". */
class SummaryTest {

    @Test
    void oneOfSomethingIsSingularAndAnyOtherCountPlural() {
        assertEquals("1 attempt", Summary.count(1, "attempt"));
        assertEquals("0 edges", Summary.count(0, "edge"));
        assertEquals("37 edges", Summary.count(37, "edge"));
        assertEquals("2 SNAT-hidden egress destinations", Summary.count(2, "SNAT-hidden egress destination"));
    }
}
