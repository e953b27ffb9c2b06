package io.flowpol.inference.synthesize;

import static io.flowpol.inference.synthesize.Fixtures.BACKEND;
import static io.flowpol.inference.synthesize.Fixtures.DB;
import static io.flowpol.inference.synthesize.Fixtures.FRONTEND;
import static io.flowpol.inference.synthesize.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.CandidateSet;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatAttribution;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.snat.SnatAttributions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Issue 14 items 2 to 4: certain and common candidates, the common-candidates mode, the SNAT comment. */
class SnatAttributionTest {
    static final IpAddress GATEWAY = IpAddress.parse("198.51.100.23");
    static final WorkloadId CART = new WorkloadId("shop", "Deployment", "cart");

    private static SnatEgress egress(String node, CandidateSet... sets) {
        long n = 0;
        for (CandidateSet s : sets) {
            n += s.connections();
        }
        return SnatEgress.ofSets(node, GATEWAY, Protocol.TCP, 443, new Evidence(n, n, n, T0, T0 + 1000, Set.of()),
                List.of(sets));
    }

    private static CandidateSet set(long connections, WorkloadId... workloads) {
        return new CandidateSet(List.copyOf(new TreeSet<>(List.of(workloads))), connections);
    }

    private static SnatAttribution only(SnatEgress... egress) {
        List<SnatAttribution> out = SnatAttributions.of(List.of(egress));
        assertEquals(1, out.size());
        return out.get(0);
    }

    @Test
    void aLoneSenderIsCommonToEveryConnectionAndCertainWhereItRanAlone() {
        SnatAttribution a = only(egress("n1", set(3, FRONTEND, BACKEND), set(1, FRONTEND)),
                egress("n2", set(2, FRONTEND, DB), set(4)));
        assertEquals(Map.of(FRONTEND, 1L), a.certain());
        assertEquals(List.of(FRONTEND), a.common());
        assertEquals(List.of(DB, BACKEND, FRONTEND), a.all());
        assertEquals(4, a.unattributed(), "connections with no pod on the node (the node's own) constrain nothing");
        assertEquals(10, a.connections());
        assertEquals(Map.of("n1", 4L, "n2", 6L), a.nodes());
        assertFalse(a.fallsBack());
        assertEquals(List.of(FRONTEND), a.commonAllowed());
    }

    @Test
    void twoSendersThatDoNotAlwaysShareNodesFallBackToEveryCandidate() {
        // frontend sends from n1, cart from n2; backend and db merely ran there.
        SnatAttribution a = only(egress("n1", set(5, FRONTEND, BACKEND)), egress("n2", set(7, CART, DB)));
        assertTrue(a.common().isEmpty());
        assertTrue(a.fallsBack());
        assertEquals(List.of(DB, BACKEND, CART, FRONTEND), a.commonAllowed());
    }

    static final WorkloadId AGENT = new WorkloadId("kube-system", "DaemonSet", "aws-node");

    /**
     * A DaemonSet has a pod beside every sender, so it is a candidate of every connection from
     * every node: common to every destination, it says nothing about who sent to this one. Two
     * senders on different nodes (frontend on n1, cart on n2) must still fall back to every
     * candidate, or both real senders are cut and only the DaemonSet is allowed.
     */
    @Test
    void twoSendersOnDifferentNodesFallBackAlthoughADaemonSetIsBesideBoth() {
        List<SnatAttribution> out = SnatAttributions.of(List.of(
                egress("n1", set(5, AGENT, FRONTEND, BACKEND)), egress("n2", set(7, AGENT, CART, DB))));
        SnatAttribution a = out.get(0);
        assertEquals(List.of(AGENT), a.common(), "the DaemonSet is common, as everywhere");
        assertTrue(a.fallsBack(), () -> "attribution: " + a);
        assertTrue(a.commonAllowed().containsAll(List.of(FRONTEND, CART)), () -> "allowed: " + a.commonAllowed());
    }

    @Test
    void aLoneSenderBesideADaemonSetIsStillNarrowedToTheCommonCandidates() {
        // frontend alone sends to the gateway, from n1; the DaemonSet also runs on n2, seen there sending elsewhere.
        SnatEgress other = SnatEgress.ofSets("n2", IpAddress.parse("203.0.113.80"), Protocol.TCP, 443,
                new Evidence(4, 4, 4, T0, T0 + 1000, Set.of()), List.of(set(4, AGENT, CART)));
        SnatAttribution a = SnatAttributions.of(List.of(egress("n1", set(3, AGENT, FRONTEND, BACKEND),
                set(2, AGENT, FRONTEND)), other)).get(0);
        assertEquals(GATEWAY, a.destination());
        assertFalse(a.fallsBack(), () -> "attribution: " + a);
        assertEquals(List.of(AGENT, FRONTEND), a.commonAllowed());
    }

    /**
     * The known limit of common-candidates (issue 14 item 3): cart sends only from n1, always beside
     * frontend, while frontend also sends alone from n2. Every connection had frontend as a candidate,
     * cart's did not — nothing in the flow logs tells cart's connections from frontend's, so cart is cut.
     */
    @Test
    void knownLimitASecondSenderWhosePodsAlwaysSharedNodesWithTheFirstIsCut() {
        SnatAttribution a = only(egress("n1", set(5, FRONTEND, CART)), egress("n2", set(3, FRONTEND)));
        assertEquals(List.of(FRONTEND), a.commonAllowed());
        assertFalse(a.commonAllowed().contains(CART), "the known limit: cart is cut although it sent");
        assertTrue(a.all().contains(CART), "allow-candidates keeps it");
    }

    private static SynthesizedPolicies synthesize(SnatEgressMode mode, SnatEgress... egress) {
        InferenceResult result = new InferenceResult(List.of(), List.of(), List.of(egress), null, List.of());
        return new PolicySynthesizer(new SynthesisOptions(1, 32, 128, SynthesisOptions.DEFAULT_EXCLUDED, mode))
                .synthesize(result, new Fixtures().cluster());
    }

    private static Set<String> egressPolicies(SynthesizedPolicies out) {
        TreeSet<String> names = new TreeSet<>();
        out.evidence().stream().filter(e -> e.direction() == PolicyType.EGRESS && !e.snat().isEmpty())
                .forEach(e -> names.add(e.policy()));
        return names;
    }

    @Test
    void commonCandidatesAllowsOnlyTheCommonWhereThereAreAnyElseEveryCandidate() {
        SnatEgress one = egress("n1", set(3, FRONTEND, BACKEND), set(1, FRONTEND));
        assertEquals(Set.of("frontend"), egressPolicies(synthesize(SnatEgressMode.COMMON_CANDIDATES, one)));
        assertEquals(Set.of("frontend", "backend"), egressPolicies(synthesize(SnatEgressMode.ALLOW_CANDIDATES, one)));
        assertEquals(Set.of(), egressPolicies(synthesize(SnatEgressMode.REPORT_ONLY, one)));

        SynthesizedPolicies fallback = synthesize(SnatEgressMode.COMMON_CANDIDATES,
                egress("n1", set(5, FRONTEND)), egress("n2", set(7, BACKEND)));
        assertEquals(Set.of("frontend", "backend"), egressPolicies(fallback));
        assertTrue(fallback.findings().stream().anyMatch(f -> f.code().equals("snat-candidates")
                && f.message().contains("fallback")), () -> "findings: " + fallback.findings());
    }

    @Test
    void theRuleCommentSaysSnatAndNeverShowsTheNodesCountAsTheWorkloads() {
        SynthesizedPolicies out = synthesize(SnatEgressMode.ALLOW_CANDIDATES,
                egress("ip-10-0-1-2", set(237, FRONTEND, BACKEND), set(12, FRONTEND)));
        RuleEvidence backend = out.evidence().stream().filter(e -> e.policy().equals("backend")
                && e.direction() == PolicyType.EGRESS).findFirst().orElseThrow();
        assertEquals(List.of("SNAT: sender not identified — 249 connections from node ip-10-0-1-2 to this address; "
                + "1 common candidate of 2"), backend.snat().stream().map(SnatNote::text).toList());
        assertEquals(0, backend.connections(), "the node's 249 connections are not backend's own");
        RuleEvidence frontend = out.evidence().stream().filter(e -> e.policy().equals("frontend")
                && e.direction() == PolicyType.EGRESS).findFirst().orElseThrow();
        assertEquals(List.of("SNAT: certain: 12 connections had this workload as the only candidate "
                + "(249 from node ip-10-0-1-2 to this address)"), frontend.snat().stream().map(SnatNote::text).toList());
    }

    @Test
    void theReportNamesTheRiskOfCommonCandidates() {
        SynthesizedPolicies out = synthesize(SnatEgressMode.COMMON_CANDIDATES, egress("n1", set(3, FRONTEND, BACKEND)));
        assertTrue(out.findings().stream().anyMatch(f -> f.message().contains(SnatText.COMMON_RISK)));
    }
}
