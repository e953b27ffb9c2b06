package io.flowpol.inference.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuralDiffTest {
    private static final String FRONTEND = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: frontend
              namespace: shop
            spec:
              podSelector:
                matchLabels:
                  app: frontend
              policyTypes:
              - Ingress
            """;

    @Test
    void classifiesAddedRemovedChangedAndUnchangedByKey() {
        Map<String, String> current = Map.of("a", "x: 1\n", "b", "y: 1\n", "c", "z: 1\n");
        Map<String, String> proposed = Map.of("b", "y: 2\n", "c", "z: 1\n", "d", "w: 1\n");

        StructuralDiff diff = StructuralDiff.of(current, proposed);

        assertEquals(List.of("d"), diff.added().stream().map(DocumentDiff::key).toList());
        assertEquals(List.of("a"), diff.removed().stream().map(DocumentDiff::key).toList());
        assertEquals(List.of("b"), diff.changed().stream().map(DocumentDiff::key).toList());
        assertEquals(1, diff.unchanged());
        assertEquals(List.of("a", "b", "d"), diff.all().stream().map(DocumentDiff::key).toList());
    }

    @Test
    void addedDocumentIsOneHunkFromDevNull() {
        StructuralDiff diff = StructuralDiff.of(Map.of(), Map.of("k", "a: 1\nb: 2\n"));

        assertEquals("--- /dev/null\n+++ proposed/k\n@@ -0,0 +1,2 @@\n+a: 1\n+b: 2\n", diff.added().get(0).unifiedDiff());
    }

    @Test
    void removedDocumentIsOneHunkToDevNull() {
        StructuralDiff diff = StructuralDiff.of(Map.of("k", "a: 1\n"), Map.of());

        assertEquals("--- current/k\n+++ /dev/null\n@@ -1 +0,0 @@\n-a: 1\n", diff.removed().get(0).unifiedDiff());
    }

    @Test
    void changedDocumentKeepsThreeLinesOfContext() {
        String after = FRONTEND.replace("  - Ingress\n", "  - Ingress\n  - Egress\n");

        DocumentDiff change = StructuralDiff.of(Map.of("k", FRONTEND), Map.of("k", after)).changed().get(0);

        assertEquals("""
                --- current/k
                +++ proposed/k
                @@ -9,3 +9,4 @@
                       app: frontend
                   policyTypes:
                   - Ingress
                +  - Egress
                """, change.unifiedDiff());
        assertEquals(1, change.changedLines());
    }

    @Test
    void changesFarApartBecomeSeparateHunks() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
        String after = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\n";

        String text = StructuralDiff.of(Map.of("k", before), Map.of("k", after)).changed().get(0).unifiedDiff();

        assertEquals(2, text.lines().filter(l -> l.startsWith("@@")).count(), text);
        assertTrue(text.contains("@@ -1,4 +1,4 @@\n-a\n+A\n"), text);
        assertTrue(text.contains("@@ -9,4 +9,4 @@\n i\n j\n k\n-l\n+L\n"), text);
    }

    @Test
    void missingFinalNewlineAloneIsNotAChange() {
        StructuralDiff diff = StructuralDiff.of(Map.of("k", "a: 1\n"), Map.of("k", "a: 1"));

        assertTrue(diff.isEmpty());
        assertEquals(1, diff.unchanged());
    }

    @Test
    void nullSideIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> StructuralDiff.of(null, Map.of()));
    }
}
