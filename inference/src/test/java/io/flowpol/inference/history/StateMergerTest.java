package io.flowpol.inference.history;

import static io.flowpol.inference.history.HistoryFixtures.DB;
import static io.flowpol.inference.history.HistoryFixtures.HOUR;
import static io.flowpol.inference.history.HistoryFixtures.WEB;
import static io.flowpol.inference.history.HistoryFixtures.edge;
import static io.flowpol.inference.history.HistoryFixtures.result;
import static io.flowpol.inference.history.HistoryFixtures.shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.timeline.PodSpan;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateMergerTest {
    private final LearnedWindow first = new LearnedWindow(0, HOUR);
    private final LearnedWindow second = new LearnedWindow(HOUR, 2 * HOUR);

    @Test
    void sameEdgeInTwoWindowsSumsCountsAndSpansBothWindows() {
        LearnedState state = StateMerger.merge(LearnedState.empty(),
                result(edge(WEB, DB, 5432, "postgres", 3, 100, 200, DirectionProof.TCP_FLAGS)), shop(0, HOUR), first);
        state = StateMerger.merge(state,
                result(edge(WEB, DB, 5432, "postgres", 4, HOUR + 50, HOUR + 900, DirectionProof.DECLARED_PORT)),
                shop(HOUR, 2 * HOUR), second);

        assertEquals(1, state.edges().size());
        Evidence e = state.edges().get(0).evidence();
        assertEquals(new Evidence(7, 70, 7000, 100, HOUR + 900,
                Set.of(DirectionProof.TCP_FLAGS, DirectionProof.DECLARED_PORT)), e);
        assertEquals(List.of(first, second), state.windows());
    }

    @Test
    void windowsMergedInEitherOrderGiveTheSameEdges() {
        var a = result(edge(WEB, DB, 5432, null, 1, 10, 20, DirectionProof.TCP_FLAGS),
                edge(DB, WEB, 8080, null, 2, 15, 25, DirectionProof.EPHEMERAL_RANGE));
        var b = result(edge(WEB, DB, 5432, null, 5, HOUR, HOUR + 5, DirectionProof.LOWER_PORT));
        LearnedState ab = StateMerger.merge(StateMerger.merge(LearnedState.empty(), a, shop(0, HOUR), first),
                b, shop(0, HOUR), second);
        LearnedState ba = StateMerger.merge(StateMerger.merge(LearnedState.empty(), b, shop(0, HOUR), second),
                a, shop(0, HOUR), first);
        assertEquals(ab.edges(), ba.edges());
        assertEquals(ab.windows(), ba.windows());
        assertEquals(2, ab.edges().size());
    }

    @Test
    void portNameSurvivesOnlyWhenBothWindowsAgree() {
        LearnedState state = StateMerger.merge(LearnedState.empty(),
                result(edge(WEB, DB, 5432, "postgres", 1, 0, 1, DirectionProof.TCP_FLAGS)), shop(0, HOUR), first);
        state = StateMerger.merge(state, result(edge(WEB, DB, 5432, null, 1, HOUR, HOUR + 1, DirectionProof.TCP_FLAGS)),
                shop(HOUR, 2 * HOUR), second);
        assertNull(state.edges().get(0).portName());
    }

    @Test
    void podsAreRememberedAsOneAddresslessSpanPerShapeEndingAtTheWindowEnd() {
        LearnedState state = StateMerger.merge(LearnedState.empty(), result(), shop(0, HOUR), first);
        state = StateMerger.merge(state, result(), shop(HOUR, 2 * HOUR), second);

        List<PodSpan> db = state.pods().stream().filter(p -> p.workload().equals(DB)).toList();
        assertEquals(1, db.size());
        PodSpan shape = db.get(0);
        assertTrue(shape.ips().isEmpty());
        assertEquals(0, shape.from());
        assertEquals(2 * HOUR, shape.to());
        assertTrue(RememberedCluster.remembered(shape));
        assertEquals("postgres", shape.ports().get(0).name());
    }

    @Test
    void attemptsMergeApartFromEdges() {
        Edge attempt = edge(WEB, DB, 22, null, 1, 5, 5, DirectionProof.TCP_FLAGS);
        var withAttempt = new io.flowpol.inference.model.InferenceResult(List.of(), List.of(attempt), List.of(), null,
                List.of());
        LearnedState state = StateMerger.merge(LearnedState.empty(), withAttempt, shop(0, HOUR), first);
        state = StateMerger.merge(state, withAttempt, shop(0, HOUR), second);
        assertEquals(0, state.edges().size());
        assertEquals(2, state.attempts().get(0).evidence().connections());
    }
}
