package io.flowpol.inference.history;

import static io.flowpol.inference.history.HistoryFixtures.DB;
import static io.flowpol.inference.history.HistoryFixtures.HOUR;
import static io.flowpol.inference.history.HistoryFixtures.WEB;
import static io.flowpol.inference.history.HistoryFixtures.cluster;
import static io.flowpol.inference.history.HistoryFixtures.edge;
import static io.flowpol.inference.history.HistoryFixtures.pod;
import static io.flowpol.inference.history.HistoryFixtures.result;
import static io.flowpol.inference.history.HistoryFixtures.shop;
import static io.flowpol.inference.history.HistoryFixtures.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.synthesize.PolicySynthesizer;
import io.flowpol.inference.synthesize.SynthesisOptions;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.PodSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class RememberedClusterTest {
    /** Window 1 sees web -> db; window 2's recording has only web (db was deleted). */
    private LearnedState dbOnlyInFirstWindow() {
        LearnedState state = StateMerger.merge(LearnedState.empty(),
                result(edge(WEB, DB, 5432, "postgres", 3, 100, 200, DirectionProof.TCP_FLAGS)), shop(0, HOUR),
                new LearnedWindow(0, HOUR));
        return StateMerger.merge(state, result(), webOnly(), new LearnedWindow(HOUR, 2 * HOUR));
    }

    private static ClusterTimeline webOnly() {
        return cluster(List.of(workload(WEB)), List.of(pod(WEB, "web-2", "10.0.1.11", "http", 8080, HOUR, Long.MAX_VALUE)),
                HOUR, 2 * HOUR);
    }

    @Test
    void workloadSeenOnlyEarlierStillGetsItsPolicyWithItsNamedPort() {
        LearnedState state = dbOnlyInFirstWindow();
        ClusterTimeline timeline = RememberedCluster.timeline(state, webOnly());
        InferenceResult merged = MergedResult.of(state, result(), List.of());

        var policies = new PolicySynthesizer(SynthesisOptions.defaults()).synthesize(merged, timeline);

        NetworkPolicy db = policies.policies().networkPolicies().stream()
                .filter(p -> p.podSelector().matchLabels().equals(java.util.Map.of("app", "db"))).findFirst().orElseThrow();
        assertEquals(List.of(NetworkPolicyPort.named(io.flowpol.inference.model.Protocol.TCP, "postgres")),
                db.ingress().get(0).ports());
        assertTrue(policies.findings().stream().noneMatch(f -> f.code().equals("unknown-workload")), policies.findings().toString());
    }

    @Test
    void currentRecordingIsAuthoritativeForWorkloadsItHasPodsOf() {
        ClusterTimeline timeline = RememberedCluster.timeline(dbOnlyInFirstWindow(), webOnly());
        List<PodSpan> web = timeline.pods().stream().filter(p -> p.workload().equals(WEB)).toList();
        assertEquals(List.of("web-2"), web.stream().map(PodSpan::name).toList());
        List<PodSpan> db = timeline.pods().stream().filter(p -> p.workload().equals(DB)).toList();
        assertEquals(1, db.size());
        assertTrue(RememberedCluster.remembered(db.get(0)));
        assertEquals(2, timeline.workloads().size());
    }

    @Test
    void mergedResultDropsSilenceOfWorkloadsThatTalkedEarlier() {
        Edge e = edge(WEB, DB, 5432, null, 1, 0, 1, DirectionProof.TCP_FLAGS);
        LearnedState state = StateMerger.merge(LearnedState.empty(), result(e), shop(0, HOUR), new LearnedWindow(0, HOUR));
        var silentNow = new InferenceResult(List.of(), List.of(), List.of(),
                new io.flowpol.inference.model.Coverage(List.of(WEB, DB,
                        new io.flowpol.inference.model.WorkloadId("shop", "Deployment", "idle")), List.of(), null),
                List.of());
        var merged = MergedResult.of(state, silentNow, List.of());
        assertEquals(List.of(new io.flowpol.inference.model.WorkloadId("shop", "Deployment", "idle")),
                merged.coverage().silentWorkloads());
        assertEquals(List.of(e), merged.edges());
    }
}
