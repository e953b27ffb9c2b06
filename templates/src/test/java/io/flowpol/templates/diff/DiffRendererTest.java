package io.flowpol.templates.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.diff.ConnectivityDiff;
import io.flowpol.inference.diff.EdgeChange;
import io.flowpol.inference.diff.StructuralDiff;
import io.flowpol.inference.model.Peer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffRendererTest {
    private final DiffRenderer renderer = new DiffRenderer();

    @Test
    void markdownMatchesGoldenFile() {
        GoldenFiles.assertGolden("diff.md", renderer.render(SampleDiff.report(), DiffFormat.MARKDOWN));
    }

    @Test
    void textMatchesGoldenFile() {
        GoldenFiles.assertGolden("diff.txt", renderer.render(SampleDiff.report(), DiffFormat.TEXT));
    }

    @Test
    void jsonMatchesGoldenFile() {
        GoldenFiles.assertGolden("diff.json", renderer.render(SampleDiff.report(), DiffFormat.JSON));
    }

    @Test
    void brokenFlowsComeBeforeEveryOtherSection() {
        String md = renderer.markdown(SampleDiff.report());

        int broken = md.indexOf("### ⛔ Broken observed flows (2)");
        assertTrue(md.contains("### ⛔ would break 2 observed flows"), md);
        assertTrue(broken > 0 && broken < md.indexOf("### Still denied"), md);
        assertTrue(md.indexOf("### Still denied") < md.indexOf("### Fixed"), md);
        assertTrue(md.indexOf("### Fixed") < md.indexOf("### Allowed after but never observed"), md);
        assertTrue(md.indexOf("### Reachability changes") < md.indexOf("### Policy changes"), md);
    }

    @Test
    void noBrokenFlowGivesTheGreenHeadlineAndNoBrokenSection() {
        ConnectivityDiff ok = new ConnectivityDiff(SampleDiff.connectivity().edges().stream()
                .filter(c -> c.status() != EdgeChange.Status.BROKEN).toList(), List.of(), List.of());
        DiffReport report = new DiffReport("a", "b", ok, StructuralDiff.of(Map.of(), Map.of()), List.of());

        String md = renderer.markdown(report);
        String text = renderer.text(report);

        assertTrue(md.contains("### ✅ no observed flow broken"), md);
        assertFalse(md.contains("Broken observed flows"), md);
        assertTrue(text.contains("OK: no observed flow broken"), text);
        assertTrue(md.contains("No policy document changes (0 unchanged)."), md);
    }

    @Test
    void pipesAndBackticksInCellsAreEscapedInMarkdownOnly() {
        DiffReport report = new DiffReport("dir|`x`", "b", SampleDiff.connectivity(),
                StructuralDiff.of(Map.of(), Map.of()), List.of());

        String md = renderer.markdown(report);
        String text = renderer.text(report);

        assertTrue(md.contains("deny: GlobalNetworkPolicy/ops\\|audit egress\\[0\\]"), md);
        assertTrue(md.contains("dir\\|\\`x\\`"), md);
        assertTrue(text.contains("deny: GlobalNetworkPolicy/ops|audit egress[0]"), text);
    }

    @Test
    void longDocumentDiffIsFoldedIntoDetails() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < DiffViews.COLLAPSE_LINES + 5; i++) {
            big.append("line").append(i).append('\n');
        }
        DiffReport report = new DiffReport("a", "b", new ConnectivityDiff(List.of(), List.of(), List.of()),
                StructuralDiff.of(Map.of(), Map.of("big", big.toString(), "small", "x: 1\n")), List.of());

        String md = renderer.markdown(report);

        assertTrue(md.contains("<details><summary><code>big</code> (added, " + (DiffViews.COLLAPSE_LINES + 5)
                + " lines)</summary>"), md);
        assertTrue(md.contains("#### `small` (added)"), md);
        assertFalse(renderer.text(report).contains("<details>"));
    }

    @Test
    void fenceOutgrowsBackticksInsideThePolicy() {
        DiffReport report = new DiffReport("a", "b", new ConnectivityDiff(List.of(), List.of(), List.of()),
                StructuralDiff.of(Map.of(), Map.of("k", "note: '```'\n")), List.of());

        String md = renderer.markdown(report);

        assertTrue(md.contains("````diff\n--- /dev/null\n+++ proposed/k\n@@ -0,0 +1 @@\n+note: '```'\n````\n"), md);
    }

    @Test
    void jsonListsEveryObservedEdgeBrokenFirstWithBothVerdicts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(renderer.json(SampleDiff.report()));

        assertEquals(2, json.get("broken").asInt());
        List<String> statuses = json.get("edges").findValuesAsText("status");
        assertEquals(List.of("BROKEN", "BROKEN", "STILL_DENIED", "FIXED", "UNCHANGED"), statuses);
        JsonNode first = json.get("edges").get(0);
        assertEquals(Peer.workload(SampleDiff.BACKEND).toString(), first.get("client").asText());
        assertTrue(first.get("before").get("allowed").asBoolean());
        assertFalse(first.get("after").get("allowed").asBoolean());
        assertEquals(1, json.get("structure").get("added").size());
    }

    @Test
    void formatNamesParseAndUnknownOnesAreRejected() {
        assertEquals(DiffFormat.MARKDOWN, DiffFormat.parse("Markdown"));
        assertEquals(DiffFormat.JSON, DiffFormat.parse("json"));
        assertThrows(IllegalArgumentException.class, () -> DiffFormat.parse("yaml"));
    }
}
