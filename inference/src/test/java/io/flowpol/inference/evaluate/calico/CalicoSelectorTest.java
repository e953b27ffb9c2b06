package io.flowpol.inference.evaluate.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error reporting, equality and entry points of {@link CalicoSelector} beyond the conformance data. */
class CalicoSelectorTest {

    @Test
    void errorNamesPositionAndWhatWasExpected() {
        CalicoSelectorException e = assertThrows(CalicoSelectorException.class,
                () -> CalicoSelector.parse("app == 'web' && tier"));
        assertEquals(20, e.position());
        assertEquals("end of input", e.found());
        assertTrue(e.expected().startsWith("an operator after label 'tier'"), e.expected());
    }

    @Test
    void unterminatedStringIsReportedAtItsQuote() {
        CalicoSelectorException e = assertThrows(CalicoSelectorException.class, () -> CalicoSelector.parse("a == 'b"));
        assertEquals(5, e.position());
    }

    @Test
    void newlineIsNotWhitespace() {
        assertThrows(CalicoSelectorException.class, () -> CalicoSelector.parse("a == 'b'\n&& c == 'd'"));
    }

    @Test
    void nullAndBlankSelectAll() {
        assertTrue(CalicoSelector.parse(null).isAll());
        assertTrue(CalicoSelector.parse("  \t").matches(Map.of()));
    }

    @Test
    void selectorsDifferingOnlyInSpellingAreEqual() {
        assertEquals(CalicoSelector.parse("a in {'y','x'} && b startswith 'q'"),
                CalicoSelector.parse("a in { \"x\", \"y\" }&&b starts  with \"q\""));
        assertNotEquals(CalicoSelector.parse("a == 'x'"), CalicoSelector.parse("a == 'y'"));
    }

    @Test
    void doubleNegationCancels() {
        assertEquals("a == \"x\"", CalicoSelector.parse("!!a == 'x'").toString());
        assertFalse(CalicoSelector.parse("!!!has(a)").matches(Map.of("a", "")));
    }

    @Test
    void andBindsTighterThanOrInCanonicalForm() {
        assertEquals("(a == \"1\" || (b == \"2\" && c == \"3\"))",
                CalicoSelector.parse("a == '1' || b == '2' && c == '3'").toString());
    }
}
