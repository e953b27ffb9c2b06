package io.flowpol.inference;

import static io.flowpol.inference.ClusterBuilder.at;
import static io.flowpol.inference.ClusterBuilder.deployment;
import static io.flowpol.inference.FlowBuilder.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.model.WorkloadPair;
import io.flowpol.inference.resolve.UnresolvedReason;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowInferenceTest {
    static final String NODE_A = "10.0.1.10";
    static final String NODE_B = "10.0.2.10";
    static final String FRONTEND = "10.0.1.21";
    static final String BACKEND = "10.0.2.31";

    private final ClusterBuilder cluster = new ClusterBuilder()
            .node("node-a", NODE_A)
            .node("node-b", NODE_B)
            .pod("shop", "frontend", "frontend-1", "node-a", FRONTEND, -10, -1)
            .pod("shop", "backend", "backend-1", "node-b", BACKEND, -10, -1,
                    new ContainerPort("http", 8080, Protocol.TCP));
    private final FlowRecord cursor = new FlowRecord();
    private FlowInference inference;

    private FlowInference inference() {
        if (inference == null) {
            inference = new FlowInference(cluster.build(), InferenceOptions.defaults());
        }
        return inference;
    }

    private void feed(FlowBuilder... records) {
        for (FlowBuilder record : records) {
            record.into(inference(), cursor);
        }
    }

    /** The four v2 records of frontend:40000 → backend:8080, as the two ENIs log them (fact 2). */
    private void feedV2PodToPod() {
        feed(tcp("eni-a", NODE_A, 40000, BACKEND, 8080, 1).packets(10, 1000),
                tcp("eni-a", BACKEND, 8080, NODE_A, 40000, 1).packets(12, 5000),
                tcp("eni-b", FRONTEND, 40000, NODE_B, 8080, 1).packets(7, 700),
                tcp("eni-b", NODE_B, 8080, FRONTEND, 40000, 1).packets(9, 4000));
    }

    private static Edge only(List<Edge> edges) {
        assertEquals(1, edges.size(), () -> "edges: " + edges);
        return edges.get(0);
    }

    private static boolean hasFinding(InferenceResult result, String code) {
        return result.findings().stream().anyMatch(f -> f.code().equals(code));
    }

    @Test
    void v2PodToPodIsRecoveredByJoiningClientAndServerEniRecords() {
        feedV2PodToPod();
        InferenceResult result = inference().finish();
        Edge edge = only(result.edges());
        assertEquals(Peer.workload(deployment("shop", "frontend")), edge.client());
        assertEquals(Peer.workload(deployment("shop", "backend")), edge.server());
        assertEquals(8080, edge.port());
        assertEquals("http", edge.portName());
        assertTrue(edge.evidence().proofs().contains(DirectionProof.DECLARED_PORT));
        assertTrue(hasFinding(result, "missing-pkt-fields"));
    }

    @Test
    void fourRecordsOfOneConnectionCountAsOneConnection() {
        feedV2PodToPod();
        assertEquals(1, only(inference().finish().edges()).evidence().connections());
    }

    @Test
    void packetsAreCountedAtOneInterfaceOnly() {
        feedV2PodToPod();
        Edge edge = only(inference().finish().edges());
        assertEquals(22, edge.evidence().packets());
        assertEquals(6000, edge.evidence().bytes());
    }

    @Test
    void pktFieldsResolvePodToPodFromOneInterface() {
        feed(tcp("eni-a", NODE_A, 40000, BACKEND, 8080, 1).pkt(FRONTEND, BACKEND),
                tcp("eni-a", BACKEND, 8080, NODE_A, 40000, 1).pkt(BACKEND, FRONTEND));
        InferenceResult result = inference().finish();
        Edge edge = only(result.edges());
        assertEquals(Peer.workload(deployment("shop", "frontend")), edge.client());
        assertEquals(Peer.workload(deployment("shop", "backend")), edge.server());
        assertFalse(hasFinding(result, "missing-pkt-fields"));
    }

    @Test
    void recordsFromOneInterfaceLeaveTheNodeSideUnresolved() {
        // Request and reply both at the client's ENI: nothing shows who was behind node-a.
        feed(tcp("eni-a", NODE_A, 40000, BACKEND, 8080, 1),
                tcp("eni-a", BACKEND, 8080, NODE_A, 40000, 1));
        InferenceResult result = inference().finish();
        assertTrue(result.edges().isEmpty(), () -> "edges: " + result.edges());
        assertEquals(1L, result.coverage().unresolvedByReason().get(UnresolvedReason.NODE_ADDRESS_UNMATCHED.text()));
    }

    @Test
    void hostNetworkTrafficSeenFromTwoEnisResolvesToNodes() {
        cluster.hostNetworkPod("kube-system", "agent", "agent-b", "node-b", NODE_B,
                new ContainerPort("metrics", 9100, Protocol.TCP));
        feed(tcp("eni-a", NODE_A, 45000, NODE_B, 9100, 1), tcp("eni-a", NODE_B, 9100, NODE_A, 45000, 1),
                tcp("eni-b", NODE_A, 45000, NODE_B, 9100, 1), tcp("eni-b", NODE_B, 9100, NODE_A, 45000, 1));
        Edge edge = only(inference().finish().edges());
        assertEquals(Peer.node("node-a", IpAddress.parse(NODE_A)), edge.client());
        assertEquals(Peer.node("node-b", IpAddress.parse(NODE_B)), edge.server());
        assertEquals(9100, edge.port());
    }

    @Test
    void nodeToExternalBecomesSnatEgressWithCandidatesNeverAnEdge() {
        feed(tcp("eni-a", NODE_A, 41000, "52.1.2.3", 443, 1), tcp("eni-a", "52.1.2.3", 443, NODE_A, 41000, 1));
        InferenceResult result = inference().finish();
        assertTrue(result.edges().isEmpty());
        assertEquals(1, result.snatEgress().size());
        SnatEgress egress = result.snatEgress().get(0);
        assertEquals("node-a", egress.node());
        assertEquals(IpAddress.parse("52.1.2.3"), egress.destination());
        assertEquals(443, egress.port());
        assertEquals(List.of(deployment("shop", "frontend")), egress.candidates());
        assertTrue(hasFinding(result, "snat-egress"));
    }

    @Test
    void connectionWithoutReplyIsAnAttempt() {
        feed(tcp("eni-a", NODE_A, 40000, BACKEND, 8080, 1), tcp("eni-b", FRONTEND, 40000, NODE_B, 8080, 1));
        InferenceResult result = inference().finish();
        assertTrue(result.edges().isEmpty());
        Edge attempt = only(result.attempts());
        assertEquals(Peer.workload(deployment("shop", "frontend")), attempt.client());
        assertEquals(Peer.workload(deployment("shop", "backend")), attempt.server());
    }

    @Test
    void synNeverAnsweredBySynAckIsAnAttemptDespiteAReply() {
        feed(tcp("eni-a", NODE_A, 40000, BACKEND, 8080, 1).pkt(FRONTEND, BACKEND).flags(2),
                tcp("eni-a", BACKEND, 8080, NODE_A, 40000, 1).pkt(BACKEND, FRONTEND).flags(4));
        InferenceResult result = inference().finish();
        assertTrue(result.edges().isEmpty());
        assertEquals(1, result.attempts().size());
    }

    @Test
    void skipdataRecordsAreReportedAsLostData() {
        feed(tcp("eni-a", NODE_A, 0, NODE_B, 0, 1).status(FlowRecord.STATUS_SKIPDATA),
                tcp("eni-b", NODE_A, 0, NODE_B, 0, 2).status(FlowRecord.STATUS_SKIPDATA));
        InferenceResult result = inference().finish();
        Finding skip = result.findings().stream().filter(f -> f.code().equals("skipdata")).findFirst().orElseThrow();
        assertEquals(Finding.Severity.WARNING, skip.severity());
        assertEquals(2, skip.count());
        assertTrue(skip.message().contains("2 intervals on 2 interfaces"), skip.message());
        assertTrue(result.edges().isEmpty());
    }

    @Test
    void tunnelTrafficBetweenNodesIsReportedAsOverlayNetwork() {
        feed(tcp("eni-a", NODE_A, 0, NODE_B, 0, 1).protocol(Protocol.IPIP),
                tcp("eni-b", NODE_B, 0, NODE_A, 0, 1).protocol(Protocol.IPIP),
                tcp("eni-a", NODE_A, 51000, NODE_B, 4789, 2).protocol(Protocol.UDP));
        InferenceResult result = inference().finish();
        assertTrue(hasFinding(result, "overlay-network"));
        assertTrue(result.edges().isEmpty());
    }

    @Test
    void rejectedRecordsAreCountedAndNeverEdges() {
        feed(tcp("eni-a", NODE_A, 40000, BACKEND, 8080, 1).pkt(FRONTEND, BACKEND).reject(),
                tcp("eni-a", BACKEND, 8080, NODE_A, 40000, 1).pkt(BACKEND, FRONTEND).reject());
        InferenceResult result = inference().finish();
        assertTrue(result.edges().isEmpty());
        assertTrue(result.attempts().isEmpty());
        assertEquals(2, result.findings().stream().filter(f -> f.code().equals("reject")).findFirst().orElseThrow().count());
    }

    @Test
    void recordsOutsideTheWindowAreSkippedAndCounted() {
        inference = new FlowInference(cluster.build(), InferenceOptions.defaults().withWindow(at(5), at(10)));
        feedV2PodToPod();
        InferenceResult result = inference.finish();
        assertTrue(result.edges().isEmpty());
        assertEquals(4, result.findings().stream().filter(f -> f.code().equals("outside-window")).findFirst()
                .orElseThrow().count());
    }

    @Test
    void colocatedPairIsReportedAndProducesNoEdge() {
        cluster.pod("shop", "cache", "cache-1", "node-a", "10.0.1.22", -10, -1);
        feedV2PodToPod();
        InferenceResult result = inference().finish();
        WorkloadPair pair = new WorkloadPair(deployment("shop", "frontend"), deployment("shop", "cache"));
        assertTrue(result.coverage().colocatedPairs().contains(pair), () -> "" + result.coverage());
        assertTrue(result.edges().stream().noneMatch(e -> e.server().equals(Peer.workload(deployment("shop", "cache")))));
        assertEquals(List.of(deployment("shop", "cache")), result.coverage().silentWorkloads());
    }

    @Test
    void workloadOnWindowsNodeIsReported() {
        cluster.node("win-1", "10.0.3.10", "windows").pod("shop", "legacy", "legacy-1", "win-1", "10.0.3.21", -10, -1);
        InferenceResult result = inference().finish();
        Finding windows = result.findings().stream().filter(f -> f.code().equals("windows-node")).findFirst().orElseThrow();
        assertTrue(windows.message().contains("shop/Deployment/legacy"), windows.message());
    }

    @Test
    void serverPortNameIsNullWhenNotDeclared() {
        feed(tcp("eni-a", NODE_A, 40000, BACKEND, 9090, 1).pkt(FRONTEND, BACKEND).flags(2),
                tcp("eni-a", BACKEND, 9090, NODE_A, 40000, 1).pkt(BACKEND, FRONTEND).flags(18));
        assertNull(only(inference().finish().edges()).portName());
    }

    @Test
    void synAckOrientsAllFourV2RecordsOfAnUndeclaredEphemeralServerPort() {
        // 50051 and 33000 are both ephemeral and nothing declares 50051: only the flags tell.
        feed(tcp("eni-a", NODE_A, 33000, BACKEND, 50051, 1).flags(2), tcp("eni-a", BACKEND, 50051, NODE_A, 33000, 1).flags(18),
                tcp("eni-b", FRONTEND, 33000, NODE_B, 50051, 1).flags(2), tcp("eni-b", NODE_B, 50051, FRONTEND, 33000, 1).flags(18));
        Edge edge = only(inference().finish().edges());
        assertEquals(Peer.workload(deployment("shop", "backend")), edge.server());
        assertEquals(50051, edge.port());
        assertEquals(java.util.Set.of(DirectionProof.TCP_FLAGS), edge.evidence().proofs());
    }

    @Test
    void podToApiServerIsAnEdgeToTheApiServer() {
        cluster.apiServer("10.0.0.100", 443);
        feed(tcp("eni-a", NODE_A, 41000, "10.0.0.100", 443, 1).pkt(FRONTEND, "10.0.0.100"),
                tcp("eni-a", "10.0.0.100", 443, NODE_A, 41000, 1).pkt("10.0.0.100", FRONTEND));
        Edge edge = only(inference().finish().edges());
        assertEquals(Peer.apiServer(IpAddress.parse("10.0.0.100")), edge.server());
        assertEquals(Peer.workload(deployment("shop", "frontend")), edge.client());
    }

    @Test
    void podAddressInPktSrcToExternalIsAnEdgeNotSnat() {
        // With external SNAT the packet leaves with the pod's address: attributable (fact 3).
        feed(tcp("eni-a", NODE_A, 41000, "52.1.2.3", 443, 1).pkt(FRONTEND, "52.1.2.3"),
                tcp("eni-a", "52.1.2.3", 443, NODE_A, 41000, 1).pkt("52.1.2.3", FRONTEND));
        InferenceResult result = inference().finish();
        assertEquals(Peer.external(IpAddress.parse("52.1.2.3")), only(result.edges()).server());
        assertTrue(result.snatEgress().isEmpty());
    }

    @Test
    void twoExactPodsUnderOneNodeAnchoredKeyAreReportedAsAConflict() {
        // v2: the server-side ENI names each client pod, both on node-a, with the same ports.
        cluster.pod("shop", "cache", "cache-1", "node-a", "10.0.1.22", -10, -1);
        feed(tcp("eni-a", NODE_A, 40000, BACKEND, 8080, 1),
                tcp("eni-b", FRONTEND, 40000, NODE_B, 8080, 1),
                tcp("eni-b", "10.0.1.22", 40000, NODE_B, 8080, 1),
                tcp("eni-b", NODE_B, 8080, FRONTEND, 40000, 1));
        assertTrue(hasFinding(inference().finish(), "join-conflict"));
    }

    @Test
    void aConflictedJoinIsReportedAndBecomesNoEdge() {
        // Two connections whose ports collided under one node-anchored key: which pod was the client
        // is a guess, so neither frontend nor cache may be allowed to backend from it (issue 11).
        cluster.pod("shop", "cache", "cache-1", "node-a", "10.0.1.22", -10, -1);
        feed(tcp("eni-a", NODE_A, 40000, BACKEND, 8080, 1),
                tcp("eni-a", BACKEND, 8080, NODE_A, 40000, 1),
                tcp("eni-b", FRONTEND, 40000, NODE_B, 8080, 1),
                tcp("eni-b", "10.0.1.22", 40000, NODE_B, 8080, 1),
                tcp("eni-b", NODE_B, 8080, FRONTEND, 40000, 1));
        InferenceResult result = inference().finish();
        assertEquals(List.of(), result.edges(), result.edges().toString());
        assertEquals(List.of(), result.attempts(), result.attempts().toString());
        assertEquals(1L, result.coverage().unresolvedByReason().get(UnresolvedReason.JOIN_CONFLICT.text()),
                result.coverage().toString());
        assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("join-conflict")
                && f.message().contains("no edge was made from them") && f.message().contains("1 candidate edge(s) no other "
                + "connection proved, so not allowed: shop/Deployment/frontend -> shop/Deployment/backend TCP 8080")),
                result.findings().toString());
    }

    @Test
    void withPacketAddressesTwoPodsSharingPortsStayTwoConnections() {
        // Insights pushdown folds client ports: two pods of node-a then share (ports, protocol, nodes).
        cluster.pod("shop", "cache", "cache-1", "node-a", "10.0.1.22", -10, -1);
        feed(tcp("eni-a", NODE_A, 49152, BACKEND, 8080, 1).pkt(FRONTEND, BACKEND),
                tcp("eni-a", BACKEND, 8080, NODE_A, 49152, 1).pkt(BACKEND, FRONTEND),
                tcp("eni-a", NODE_A, 49152, BACKEND, 8080, 1).pkt("10.0.1.22", BACKEND),
                tcp("eni-a", BACKEND, 8080, NODE_A, 49152, 1).pkt(BACKEND, "10.0.1.22"));
        InferenceResult result = inference().finish();
        assertFalse(hasFinding(result, "join-conflict"));
        assertEquals(2, result.edges().size(), result.edges().toString());
    }

    @Test
    void icmpWithoutPortsIsKeyedAsPortZero() {
        feed(tcp("eni-a", NODE_A, -1, BACKEND, -1, 1).protocol(Protocol.ICMP).pkt(FRONTEND, BACKEND),
                tcp("eni-a", BACKEND, -1, NODE_A, -1, 1).protocol(Protocol.ICMP).pkt(BACKEND, FRONTEND));
        Edge edge = only(inference().finish().edges());
        assertEquals(Protocol.ICMP, edge.protocol());
        assertEquals(0, edge.port());
    }

    @Test
    void flowsToAReusedIpAreAttributedToTheWorkloadOwningItThen() {
        cluster.pod("shop", "old", "old-1", "node-b", "10.0.2.40", -10, 5)
                .pod("shop", "new", "new-1", "node-b", "10.0.2.40", 7, -1);
        feed(tcp("eni-a", NODE_A, 40000, "10.0.2.40", 9000, 1).pkt(FRONTEND, "10.0.2.40"),
                tcp("eni-a", "10.0.2.40", 9000, NODE_A, 40000, 1).pkt("10.0.2.40", FRONTEND),
                tcp("eni-a", NODE_A, 40001, "10.0.2.40", 9000, 9).pkt(FRONTEND, "10.0.2.40"),
                tcp("eni-a", "10.0.2.40", 9000, NODE_A, 40001, 9).pkt("10.0.2.40", FRONTEND));
        List<Edge> edges = inference().finish().edges();
        assertEquals(List.of(Peer.workload(deployment("shop", "new")), Peer.workload(deployment("shop", "old"))),
                edges.stream().map(Edge::server).toList());
    }

    /**
     * The v2 records of one ICMP exchange from {@code pinger} (on node A or B) to {@code target},
     * as both ENIs log them, ports 0 0 (issue 12 item 5): echo requests at minute
     * {@code requestMinute}, echo replies at {@code replyMinute}; replies read first if asked.
     */
    private void feedPing(String pinger, String target, int requestMinute, int replyMinute, boolean replyReadFirst,
                          boolean answered) {
        boolean fromA = pinger.equals(FRONTEND);
        String pingerNode = fromA ? NODE_A : NODE_B;
        String targetNode = fromA ? NODE_B : NODE_A;
        String pingerEni = fromA ? "eni-a" : "eni-b";
        String targetEni = fromA ? "eni-b" : "eni-a";
        FlowBuilder[] requests = {
            icmp(pingerEni, pingerNode, target, requestMinute), icmp(targetEni, pinger, targetNode, requestMinute)};
        FlowBuilder[] replies = {
            icmp(pingerEni, target, pingerNode, replyMinute), icmp(targetEni, targetNode, pinger, replyMinute)};
        if (!answered) {
            feed(requests);
        } else if (replyReadFirst) {
            feed(replies);
            feed(requests);
        } else {
            feed(requests);
            feed(replies);
        }
    }

    private static FlowBuilder icmp(String eni, String src, String dst, int minute) {
        return tcp(eni, src, 0, dst, 0, minute).protocol(Protocol.ICMP).packets(4, 336);
    }

    @Test
    void icmpIsOrientedFromTheSideSeenFirstWhicheverWayItGoes() {
        feedPing(FRONTEND, BACKEND, 1, 1, false, true);
        Edge edge = only(inference().finish().edges());
        assertEquals(Peer.workload(deployment("shop", "frontend")), edge.client());
        assertEquals(Peer.workload(deployment("shop", "backend")), edge.server());
        assertEquals(Protocol.ICMP, edge.protocol());
        assertEquals(0, edge.port());
        assertEquals(1, edge.evidence().connections());
        assertTrue(edge.evidence().proofs().contains(DirectionProof.FIRST_SEEN), edge.toString());

        inference = null;
        feedPing(BACKEND, FRONTEND, 1, 1, false, true);
        Edge back = only(inference().finish().edges());
        assertEquals(Peer.workload(deployment("shop", "backend")), back.client());
        assertEquals(Peer.workload(deployment("shop", "frontend")), back.server());
    }

    @Test
    void icmpReplyReadBeforeItsRequestStillAnswersIt() {
        for (String pinger : List.of(FRONTEND, BACKEND)) {
            inference = null;
            feedPing(pinger, pinger.equals(FRONTEND) ? BACKEND : FRONTEND, 1, 2, true, true);
            Edge edge = only(inference().finish().edges());
            assertEquals(pinger.equals(FRONTEND) ? "frontend" : "backend", edge.client().workload().name(), edge.toString());
        }
    }

    @Test
    void unansweredIcmpIsAnAttemptFromThePinger() {
        feedPing(BACKEND, FRONTEND, 1, 1, false, false);
        InferenceResult result = inference().finish();
        assertTrue(result.edges().isEmpty(), () -> "edges: " + result.edges());
        Edge attempt = only(result.attempts());
        assertEquals(Peer.workload(deployment("shop", "backend")), attempt.client());
        assertEquals(Protocol.ICMP, attempt.protocol());
    }
}
