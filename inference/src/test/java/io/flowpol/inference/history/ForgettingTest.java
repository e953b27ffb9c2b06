package io.flowpol.inference.history;

import static io.flowpol.inference.history.HistoryFixtures.DB;
import static io.flowpol.inference.history.HistoryFixtures.HOUR;
import static io.flowpol.inference.history.HistoryFixtures.WEB;
import static io.flowpol.inference.history.HistoryFixtures.edge;
import static io.flowpol.inference.history.HistoryFixtures.result;
import static io.flowpol.inference.history.HistoryFixtures.shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.WorkloadId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForgettingTest {
    private static final long DAY = 24 * HOUR;
    private static final WorkloadId OLD = new WorkloadId("shop", "Deployment", "legacy");

    private LearnedState twoWindows() {
        Edge old = edge(OLD, DB, 5432, null, 2, 0, HOUR - 1, DirectionProof.TCP_FLAGS);
        Edge both = edge(WEB, DB, 5432, null, 1, 10, 20, DirectionProof.TCP_FLAGS);
        LearnedState state = StateMerger.merge(LearnedState.empty(), result(old, both),
                HistoryFixtures.cluster(List.of(HistoryFixtures.workload(OLD)), List.of(), 0, HOUR),
                new LearnedWindow(0, HOUR));
        Edge again = edge(WEB, DB, 5432, null, 1, 10 * DAY, 10 * DAY + 5, DirectionProof.TCP_FLAGS);
        return StateMerger.merge(state, result(again), shop(10 * DAY, 10 * DAY + HOUR),
                new LearnedWindow(10 * DAY, 10 * DAY + HOUR));
    }

    @Test
    void edgesLastSeenBeforeNewestMinusTheDurationAreDroppedAndReported() {
        Forgetting.Forgotten f = Forgetting.forget(twoWindows(), Duration.ofDays(7));

        assertEquals(1, f.edges().size());
        assertEquals(OLD, f.edges().get(0).client().workload());
        assertEquals(List.of(WEB), f.state().edges().stream().map(e -> e.client().workload()).toList());
        Finding finding = f.findings().get(0);
        assertEquals("forgotten-edge", finding.code());
        assertEquals(Finding.Severity.WARNING, finding.severity());
        assertTrue(finding.message().contains(OLD + " -> " + DB + " TCP/5432"), finding.message());
        assertTrue(finding.message().contains("7d"), finding.message());
        assertEquals(2, finding.count());
    }

    @Test
    void aWorkloadNothingRefersToAnyMoreIsForgottenWithItsEdges() {
        LearnedState kept = Forgetting.forget(twoWindows(), Duration.ofDays(7)).state();
        assertTrue(kept.workloads().stream().noneMatch(w -> w.id().equals(OLD)));
        assertTrue(kept.workloads().stream().anyMatch(w -> w.id().equals(WEB)));
    }

    @Test
    void edgesWithinTheDurationAreKept() {
        LearnedState state = twoWindows();
        Forgetting.Forgotten f = Forgetting.forget(state, Duration.ofDays(30));
        assertEquals(state, f.state());
        assertTrue(f.edges().isEmpty());
        assertTrue(f.findings().isEmpty());
    }

    @Test
    void durationsPrintAsTyped() {
        assertEquals("30d", Forgetting.human(Duration.ofDays(30)));
        assertEquals("36h", Forgetting.human(Duration.ofHours(36)));
        assertEquals("90m", Forgetting.human(Duration.ofMinutes(90)));
    }
}
