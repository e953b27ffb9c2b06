package io.flowpol.templates.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.diff.EdgeChange;
import io.flowpol.inference.model.Coverage;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.model.WorkloadPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PullRequestBodyRendererTest {
    private static final Finding PKT = new Finding(Finding.Severity.WARNING, "missing-pkt-fields",
            "the flow-log format has no pkt-srcaddr/pkt-dstaddr: pod-to-pod flows joined by ports and time", 1200);

    static InferenceResult learned(List<Edge> edges) {
        Coverage coverage = new Coverage(List.of(new WorkloadId("shop", "CronJob", "report|nightly")),
                List.of(new WorkloadPair(SampleDiff.WORKER, SampleDiff.BACKEND)), Map.of("no-endpoint", 17L));
        return new InferenceResult(edges, List.of(), List.of(), coverage, List.of(PKT));
    }

    private static List<Edge> observed() {
        return SampleDiff.connectivity().edges().stream().map(EdgeChange::edge).toList();
    }

    @Test
    void bodyMatchesGoldenFile() {
        String body = new PullRequestBodyRenderer().render(learned(observed()), SampleDiff.report());

        GoldenFiles.assertGolden("pr-body.md", body);
    }

    @Test
    void summaryCountsWorkloadsOnEdgesAndSilentOnes() {
        String body = new PullRequestBodyRenderer().render(learned(observed()), SampleDiff.report());

        // frontend, backend, db, worker on edges; the CronJob without traffic
        assertTrue(body.contains("| workloads | 5 |"), body);
        assertTrue(body.contains("| learned edges | 5 |"), body);
        assertTrue(body.contains("| policies added | 1 |\n| policies changed | 1 |\n| policies removed | 1 |"), body);
        assertTrue(body.contains("> Merging this would break 2 observed flows"), body);
    }

    @Test
    void diffComesBeforeWarningsAndEvidenceWithBrokenFlowsFirst() {
        String body = new PullRequestBodyRenderer().render(learned(observed()), SampleDiff.report());

        int broken = body.indexOf("### ⛔ Broken observed flows");
        assertTrue(broken > 0 && broken < body.indexOf("### Still denied"), body);
        assertTrue(body.indexOf("### Policy changes") < body.indexOf("## Coverage and warnings"), body);
        assertTrue(body.indexOf("## Coverage and warnings") < body.indexOf("## Evidence"), body);
    }

    @Test
    void findingPresentInBothInputsIsListedOnce() {
        String body = new PullRequestBodyRenderer().render(learned(observed()), SampleDiff.report());

        assertEquals(1, body.split("missing-pkt-fields", -1).length - 1, body);
        assertFalse(body.contains("### Findings"), "the diff's own findings section is merged into the warnings");
    }

    @Test
    void coverageWarningsNameSilentAndColocatedWorkloadsEscaped() {
        String body = new PullRequestBodyRenderer().render(learned(observed()), SampleDiff.report());

        assertTrue(body.contains("1 workloads had no observed traffic"), body);
        assertTrue(body.contains("shop/CronJob/report\\|nightly"), body);
        assertTrue(body.contains("shop/Deployment/backend and shop/Deployment/worker"), body);
        assertTrue(body.contains("17 flow-log records did not resolve: no-endpoint"), body);
    }

    @Test
    void tooLongBodyDropsDocumentDiffsThenShortensEvidence() {
        List<Edge> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(SampleDiff.edge(io.flowpol.inference.model.Peer.workload(
                            new WorkloadId("load", "Deployment", "client-" + i)),
                    io.flowpol.inference.model.Peer.workload(SampleDiff.BACKEND), 8080, null, i + 1, "2026-11-30T10:00:00Z"));
        }
        String full = new PullRequestBodyRenderer(new io.flowpol.templates.render.OutputRenderer(null), Integer.MAX_VALUE).render(learned(many), SampleDiff.report());
        String limited = new PullRequestBodyRenderer(new io.flowpol.templates.render.OutputRenderer(null), 20_000).render(learned(many), SampleDiff.report());

        assertTrue(full.contains("```diff"), "the unlimited body has the document diffs");
        assertTrue(full.contains("100 more edges are left out"), "200 rows at most");
        assertFalse(limited.contains("```diff"), limited);
        assertTrue(limited.contains("The document diffs are too long for this page"), limited);
        assertTrue(limited.contains("250 more edges are left out"), limited);
        assertTrue(limited.length() <= 20_000, "length " + limited.length());
    }
}
