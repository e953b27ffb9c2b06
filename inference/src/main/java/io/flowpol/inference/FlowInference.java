package io.flowpol.inference;

import io.flowpol.inference.aggregate.ConnectionJoiner;
import io.flowpol.inference.aggregate.ConnectionRouter;
import io.flowpol.inference.aggregate.PortNames;
import io.flowpol.inference.coverage.CoverageAnalyzer;
import io.flowpol.inference.coverage.FindingCollector;
import io.flowpol.inference.coverage.RecordTally;
import io.flowpol.inference.model.Coverage;
import io.flowpol.inference.model.CandidateSet;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.FlowSink;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.SnatEgress;
import io.flowpol.inference.orient.Orientation;
import io.flowpol.inference.orient.OrientedRecord;
import io.flowpol.inference.orient.PortDeclarations;
import io.flowpol.inference.resolve.EndpointKind;
import io.flowpol.inference.resolve.EndpointResolver;
import io.flowpol.inference.resolve.Endpoints;
import io.flowpol.inference.resolve.EniAddresses;
import io.flowpol.inference.resolve.EniOwners;
import io.flowpol.inference.resolve.NatGateways;
import io.flowpol.inference.resolve.PodIndex;
import io.flowpol.inference.resolve.UnresolvedReason;
import io.flowpol.inference.snat.NatGatewayJoin;
import io.flowpol.inference.snat.SnatCandidates;
import io.flowpol.inference.timeline.ClusterTimeline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inference pipeline for one window: resolve both ends of each record at its time, orient
 * it, join the records of one connection, aggregate connections into edges, attempts and SNAT
 * egress, then report coverage and findings. Feed every record to {@link #accept}, then call
 * {@link #finish} once. Not thread-safe; allocates nothing per record on the IPv4 path, but for
 * a copy of each record held back while its ENI's primary address or node is being learned
 * ({@link EniLearning}, DESIGN.md fact 13).
 */
public final class FlowInference implements FlowSink {
    /** VXLAN (RFC 7348) and the Linux/Cilium/Flannel legacy VXLAN port (DESIGN.md fact 12). */
    private static final int VXLAN_PORT = 4789;
    private static final int LEGACY_VXLAN_PORT = 8472;

    private final ClusterTimeline cluster;
    private final InferenceOptions options;
    private final EndpointResolver resolver;
    private final Endpoints endpoints;
    private final PodIndex pods;
    private final Orientation orientation;
    private final SnatCandidates snatCandidates;
    private final ConnectionRouter router;
    private final NatGatewayJoin natJoin;
    private final ConnectionJoiner joiner;
    private final EniAddresses enis;
    private final NatGateways natGateways;
    private final EniLearning learning;
    private final RecordTally tally = new RecordTally();
    private final OrientedRecord oriented = new OrientedRecord();
    private boolean finished;

    public FlowInference(ClusterTimeline cluster, InferenceOptions options) {
        this(cluster, options, NetworkInventory.EMPTY);
    }

    /**
     * With the AWS network inventory, an ENI's node is the one its instance runs
     * ({@code Attachment.InstanceId} and {@code spec.providerID}), and an ENI the inventory names
     * as a load balancer's, NAT gateway's or endpoint's is no node's ({@link EniOwners}).
     */
    public FlowInference(ClusterTimeline cluster, InferenceOptions options, NetworkInventory inventory) {
        this.cluster = cluster;
        this.options = options;
        this.resolver = new EndpointResolver(cluster, options.vpcCidrs());
        this.endpoints = resolver.endpoints();
        this.pods = new PodIndex(cluster.pods());
        this.orientation = new Orientation(new PortDeclarations(resolver, pods, cluster.services()));
        this.snatCandidates = new SnatCandidates(endpoints, pods);
        this.router = new ConnectionRouter(endpoints, snatCandidates.counter());
        this.natJoin = new NatGatewayJoin(endpoints, options.joinHorizonMillis(), router);
        this.joiner = new ConnectionJoiner(options.joinHorizonMillis(), endpoints, natJoin);
        this.enis = new EniAddresses(endpoints);
        this.natGateways = new NatGateways(endpoints);
        this.learning = new EniLearning(enis, EniOwners.of(inventory, cluster, endpoints), resolver, joiner, oriented, options.joinHorizonMillis(),
                new EniLearning.Pipeline() {
                    @Override
                    public void process(FlowRecord r, int eni) {
                        processNow(r, eni);
                    }

                    @Override
                    public boolean prepare(FlowRecord r, int eni) {
                        return FlowInference.this.prepare(r, eni);
                    }
                });
    }

    @Override
    public void accept(FlowRecord r) {
        if (finished) {
            throw new IllegalStateException("accept after finish");
        }
        if (r.startMillis < options.sinceMillis() || r.startMillis >= options.untilMillis()) {
            tally.outsideWindow++;
            return;
        }
        if (r.logStatus == FlowRecord.STATUS_NODATA) {
            tally.nodata++;
            return;
        }
        if (r.logStatus == FlowRecord.STATUS_SKIPDATA) {
            tally.skipdata(r.interfaceId, r.startMillis, r.endMillis);
            return;
        }
        if (r.action == FlowRecord.ACTION_REJECT) {
            tally.rejected++;
            return;
        }
        if (!(r.hasSrcAddr || r.hasPktSrcAddr) || !(r.hasDstAddr || r.hasPktDstAddr)) {
            tally.incomplete++;
            return;
        }
        process(r);
    }

    private void process(FlowRecord r) {
        learning.advance(r.endMillis >= 0 ? r.endMillis : r.startMillis);
        int eni = -1;
        if (r.hasInterfaceId) {
            eni = enis.index(r.interfaceId);
            if (enis.state(eni) != EniAddresses.SETTLED && learning.hold(r, eni)) {
                return;
            }
        }
        processNow(r, eni);
    }

    private void processNow(FlowRecord r, int eni) {
        tally.sawPktAddresses |= r.hasPktSrcAddr || r.hasPktDstAddr;
        tally.sawTcpFlags |= r.tcpFlags >= 0;
        if (!prepare(r, eni)) {
            tally.overlay++;
            return;
        }
        tally.accepted++;
        joiner.add(oriented);
    }

    /**
     * Resolves both ends of the record at its time and orients it into {@link #oriented}; false
     * for tunnel traffic between nodes (an overlay network, fact 12). {@code eni} is the capturing
     * interface's index in {@link #enis}, -1 for none: a settled ENI's primary address resolves to
     * its node there (fact 13).
     */
    private boolean prepare(FlowRecord r, int eni) {
        long end = r.endMillis >= 0 ? r.endMillis : r.startMillis;
        int src = r.hasPktSrcAddr ? resolver.resolve(r.pktSrcHi, r.pktSrcLo, r.startMillis, end)
                : resolver.resolve(r.srcHi, r.srcLo, r.startMillis, end);
        UnresolvedReason srcReason = resolver.lastReason();
        int dst = r.hasPktDstAddr ? resolver.resolve(r.pktDstHi, r.pktDstLo, r.startMillis, end)
                : resolver.resolve(r.dstHi, r.dstLo, r.startMillis, end);
        UnresolvedReason dstReason = resolver.lastReason();
        if (r.hasPktDstAddr && r.hasDstAddr && (r.dstLo != r.pktDstLo || r.dstHi != r.pktDstHi)
                && endpoints.kind(dst) == EndpointKind.EXTERNAL) {
            // A packet for the internet addressed to an in-VPC interface: a NAT gateway (issue 14 item 5).
            natGateways.observe(resolver.resolve(r.dstHi, r.dstLo, r.startMillis, end), dst);
        }
        int eniEndpoint = eni >= 0 ? enis.eniEndpoint(eni) : -1;
        if (eniEndpoint >= 0) {
            if (!r.hasPktSrcAddr && endpoints.kind(src) == EndpointKind.VPC_ADDRESS && enis.isPrimary(eni, r.srcHi, r.srcLo)) {
                src = eniEndpoint;
                srcReason = null;
            }
            if (!r.hasPktDstAddr && endpoints.kind(dst) == EndpointKind.VPC_ADDRESS && enis.isPrimary(eni, r.dstHi, r.dstLo)) {
                dst = eniEndpoint;
                dstReason = null;
            }
        }
        boolean srcNode = endpoints.kind(src) == EndpointKind.NODE;
        boolean dstNode = endpoints.kind(dst) == EndpointKind.NODE;
        if (srcNode && dstNode && isTunnel(r)) {
            return false;
        }
        // Fact 2: only the capturing ENI's side is replaced by its primary address; a known
        // flow-direction says which side that is (egress: the source, ingress: the destination).
        boolean srcAmbiguous = srcNode && !r.hasPktSrcAddr && r.flowDirection != FlowRecord.DIRECTION_INGRESS;
        boolean dstAmbiguous = dstNode && !r.hasPktDstAddr && r.flowDirection != FlowRecord.DIRECTION_EGRESS;
        boolean reply = orientation.sourceIsServer(r.protocol, r.tcpFlags, r.startMillis,
                src, srcAmbiguous, r.srcPort, endpoints.anchor(src), dst, dstAmbiguous, r.dstPort, endpoints.anchor(dst));
        // ICMP and other port-less protocols carry 0 or '-' (-1) ports: key them as port 0.
        int srcPort = Math.max(0, r.srcPort);
        int dstPort = Math.max(0, r.dstPort);
        OrientedRecord o = oriented;
        o.protocol = r.protocol;
        o.reply = reply;
        o.clientPort = reply ? dstPort : srcPort;
        o.serverPort = reply ? srcPort : dstPort;
        o.clientEndpoint = reply ? dst : src;
        o.clientExact = !(reply ? dstAmbiguous : srcAmbiguous);
        o.clientReason = reply ? dstReason : srcReason;
        o.serverEndpoint = reply ? src : dst;
        o.serverExact = !(reply ? srcAmbiguous : dstAmbiguous);
        o.serverReason = reply ? srcReason : dstReason;
        o.packetAddresses = r.hasPktSrcAddr && r.hasPktDstAddr;
        o.interfaceId = r.interfaceId;
        o.packets = r.packets;
        o.bytes = r.bytes;
        o.startMillis = r.startMillis;
        o.endMillis = end;
        o.tcpFlags = r.protocol == Protocol.TCP ? r.tcpFlags : -1;
        o.proof = orientation.lastProof();
        return true;
    }

    private static boolean isTunnel(FlowRecord r) {
        return r.protocol == Protocol.IPIP || (r.protocol == Protocol.UDP
                && (r.dstPort == VXLAN_PORT || r.srcPort == VXLAN_PORT
                || r.dstPort == LEGACY_VXLAN_PORT || r.srcPort == LEGACY_VXLAN_PORT));
    }

    /** Connections the joiner holds now: bounded by the join horizon, not by the input. */
    public int liveConnections() {
        return joiner.liveConnections();
    }

    public InferenceResult finish() {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        finished = true;
        learning.finish();
        joiner.flush();
        natJoin.flush();
        natGateways.addAll(natJoin.gateways());
        PortNames portNames = new PortNames(pods);
        List<Edge> edges = edges(router.edges(), portNames);
        long[] relayed = withoutNatRelays(edges);
        List<Edge> attempts = edges(router.attempts(), portNames);
        List<SnatEgress> snat = new ArrayList<>();
        long[] snatConnections = new long[1];
        Map<SnatCandidates.Key, List<CandidateSet>> sets = snatCandidates.sets();
        router.snatEgress().forEach((client, server, protocol, port, evidence) -> {
            Peer node = endpoints.peerById(client);
            IpAddress destination = endpoints.peerById(server).ip();
            snat.add(SnatEgress.ofSets(node.node(), destination, protocol, port, evidence,
                    sets.getOrDefault(new SnatCandidates.Key(node.node(), destination, protocol, port), List.of())));
            snatConnections[0] += evidence.connections();
        });
        snat.sort(java.util.Comparator.comparing(SnatEgress::node).thenComparing(SnatEgress::destination)
                .thenComparingInt(SnatEgress::protocol).thenComparingInt(SnatEgress::port));
        Map<String, Long> unresolved = new LinkedHashMap<>();
        router.unresolved().forEach((reason, count) -> unresolved.put(reason.text(), count));
        CoverageAnalyzer analyzer = new CoverageAnalyzer(cluster, options.sinceMillis(), options.untilMillis());
        Coverage coverage = analyzer.analyze(edges, unresolved);
        FindingCollector findings = new FindingCollector();
        findings.records(tally);
        findings.unresolved(router.unresolved());
        findings.snatEgress(snatConnections[0]);
        findings.externalSnat(router.podEgress(), natGateways.addresses(), relayed[0], natJoin.joined(), relayed[1]);
        if (router.podEgress() == 0) {
            findings.likelyNatGateways(likelyNatGateways(edges));
        }
        findings.attempts(attempts.stream().mapToLong(e -> e.evidence().connections()).sum());
        java.util.Set<Edge> learned = new java.util.HashSet<>();
        edges.forEach(e -> learned.add(new Edge(e.client(), e.server(), e.protocol(), e.port(), null, null)));
        findings.joinConflicts(router.conflicts(), edges(router.conflicted(), portNames).stream()
                .filter(e -> !learned.contains(new Edge(e.client(), e.server(), e.protocol(), e.port(), null, null)))
                .toList());
        findings.windowsWorkloads(analyzer.windowsWorkloads());
        return new InferenceResult(edges, attempts, snat, coverage, findings.findings());
    }

    /**
     * Removes the NAT gateways' own connections to the internet: each is the gateway's
     * translation of a connection already learned from its sender (pod to external), so it is
     * no edge of its own. Also removes pods' connections to a gateway's own address that no node
     * record joined to a destination (v2, the node's records lost to SKIPDATA or not logged): a
     * rule to the gateway would match none of their packets, which are addressed to the internet.
     * Returns their connection counts: {relayed, unjoined}.
     */
    private long[] withoutNatRelays(List<Edge> edges) {
        java.util.Set<IpAddress> gateways = natGateways.addresses();
        long[] counts = new long[2];
        if (gateways.isEmpty()) {
            return counts;
        }
        for (java.util.Iterator<Edge> it = edges.iterator(); it.hasNext();) {
            Edge e = it.next();
            if (e.client().kind() == Peer.Kind.VPC_ADDRESS && e.server().kind() == Peer.Kind.EXTERNAL
                    && gateways.contains(e.client().ip())) {
                counts[0] += e.evidence().connections();
                it.remove();
            } else if (e.client().kind() == Peer.Kind.WORKLOAD && e.server().kind() == Peer.Kind.VPC_ADDRESS
                    && gateways.contains(e.server().ip())) {
                counts[1] += e.evidence().connections();
                it.remove();
            }
        }
        return counts;
    }

    /**
     * Without pkt-dstaddr (v2) a NAT gateway is a VPC address that pods send to on a port it also
     * uses toward the internet; connections from pods to it, per address. Only reported: a proxy
     * looks the same, and its edges are real.
     */
    private static Map<IpAddress, Long> likelyNatGateways(List<Edge> edges) {
        Map<IpAddress, java.util.Set<Long>> outward = new java.util.HashMap<>();
        for (Edge e : edges) {
            if (e.client().kind() == Peer.Kind.VPC_ADDRESS && e.server().kind() == Peer.Kind.EXTERNAL) {
                outward.computeIfAbsent(e.client().ip(), k -> new java.util.HashSet<>())
                        .add(((long) e.protocol() << 32) | e.port());
            }
        }
        Map<IpAddress, Long> out = new java.util.TreeMap<>();
        for (Edge e : edges) {
            if (e.client().kind() == Peer.Kind.WORKLOAD && e.server().kind() == Peer.Kind.VPC_ADDRESS
                    && outward.getOrDefault(e.server().ip(), java.util.Set.of())
                            .contains(((long) e.protocol() << 32) | e.port())) {
                out.merge(e.server().ip(), e.evidence().connections(), Long::sum);
            }
        }
        return out;
    }

    private List<Edge> edges(io.flowpol.inference.aggregate.EdgeAggregator aggregator, PortNames portNames) {
        List<Edge> out = new ArrayList<>(aggregator.size());
        aggregator.forEach((client, server, protocol, port, evidence) -> {
            Peer serverPeer = endpoints.peerById(server);
            String name = serverPeer.kind() == Peer.Kind.WORKLOAD
                    ? portNames.name(serverPeer.workload(), protocol, port, evidence.firstSeen(), evidence.lastSeen())
                    : null;
            out.add(new Edge(endpoints.peerById(client), serverPeer, protocol, port, name, evidence));
        });
        Collections.sort(out);
        return out;
    }
}
