package io.flowpol.templates.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowpol.inference.evaluate.Verdict;
import org.junit.jupiter.api.Test;

class DecisionTextTest {
    @Test
    void namesOnlyTheDirectionThatDenies() {
        Verdict ingress = new Verdict(false, "NetworkPolicy/shop/a egress[0]", "default deny: selected by NetworkPolicy/data/db", false);
        Verdict egress = new Verdict(false, "deny: GlobalNetworkPolicy/block egress[1]", "no policy selects the pod", false);

        assertEquals("ingress: default deny: selected by NetworkPolicy/data/db", DecisionText.denial(ingress));
        assertEquals("egress: deny: GlobalNetworkPolicy/block egress[1]", DecisionText.denial(egress));
    }

    @Test
    void bothDirectionsShownWhenBothOrNeitherSayDeny() {
        Verdict both = new Verdict(false, "default deny: selected by NetworkPolicy/shop/a",
                "default deny: selected by NetworkPolicy/data/db", false);
        Verdict unknown = new Verdict(false, "refused", "refused", false);

        assertEquals("egress: default deny: selected by NetworkPolicy/shop/a; ingress: default deny: selected by"
                + " NetworkPolicy/data/db", DecisionText.denial(both));
        assertEquals("egress: refused; ingress: refused", DecisionText.denial(unknown));
    }

    @Test
    void fenceIsLongerThanAnyBacktickRunAndAtLeastThree() {
        assertEquals("```", CellText.fence("a: b\n"));
        assertEquals("`````", CellText.fence("x: '````'\n"));
    }
}
