package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.synthesize.RuleEvidence;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule widened to summarised networks says so in its comment (issue 13 item 4). */
class SummarisedRuleCommentTest {
    private static final Peer API = Peer.workload(new WorkloadId("shop", "Deployment", "api"));
    private static final Evidence TEN = new Evidence(10, 100, 1000, 0, 60_000, Set.of());

    @Test
    void aRuleToSummarisedNetworksCountsThemAndSaysTheWholeBlockIsAllowed() {
        List<Edge> edges = List.of(
                new Edge(API, Peer.network(false, Cidr.parse("203.0.113.0/24")), 6, 443, null, TEN),
                new Edge(API, Peer.network(false, Cidr.parse("198.51.100.0/24")), 6, 443, null, TEN));
        String comment = EvidenceText.ruleComment(new RuleEvidence("shop", "api", PolicyType.EGRESS, 0, edges));

        assertTrue(comment.startsWith("20 connections, first "), comment);
        assertTrue(comment.contains("; 2 networks summarised: more distinct addresses than --internet-clients-threshold"),
                comment);
    }

    @Test
    void aRuleToSingleAddressesSaysNothingOfSummaries() {
        List<Edge> edges = List.of(new Edge(API, Peer.external(IpAddress.parse("203.0.113.7")), 6, 443, null, TEN));
        String comment = EvidenceText.ruleComment(new RuleEvidence("shop", "api", PolicyType.EGRESS, 0, edges));

        assertFalse(comment.contains("summarised"), comment);
        assertEquals("10 connections, first 1970-01-01T00:00:00Z, last 1970-01-01T00:01:00Z", comment);
    }
}
