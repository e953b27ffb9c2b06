package io.flowpol.inference;

import io.flowpol.inference.aggregate.ConnectionJoiner;
import io.flowpol.inference.aggregate.ConnectionRouter;
import io.flowpol.inference.aggregate.PeerAggregator;
import io.flowpol.inference.aggregate.PortNames;
import io.flowpol.inference.coverage.CoverageAnalyzer;
import io.flowpol.inference.coverage.FindingCollector;
import io.flowpol.inference.coverage.RecordTally;
import io.flowpol.inference.model.Coverage;
import io.flowpol.inference.model.CandidateSet;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.PeerSummary;
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
        // Summarised counting keeps no endpoint per external address, so their ids can be recycled
        // once no live connection can hold them: three join horizons (the joiner keeps one and a half).
        this.resolver = new EndpointResolver(cluster, options.vpcCidrs(),
                options.summariseAbove() > 0 ? 3 * options.joinHorizonMillis() : 0);
        this.endpoints = resolver.endpoints();
        this.pods = new PodIndex(cluster.pods());
        this.orientation = new Orientation(new PortDeclarations(resolver, pods, cluster.services()));
        this.snatCandidates = new SnatCandidates(endpoints, pods);
        this.router = new ConnectionRouter(endpoints, snatCandidates.counter(), options.summariseAbove());
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
     * its node there (fact 13). Kept small, the rare cases in methods of their own, so that the
     * JIT inlines it into the per-record loop (issue 13: at 817 bytecodes it never was).
     */
    private boolean prepare(FlowRecord r, int eni) {
        long end = r.endMillis >= 0 ? r.endMillis : r.startMillis;
        int src = source(r, end);
        int dst = destination(r, end);
        if (r.hasPktDstAddr && r.hasDstAddr && (r.dstLo != r.pktDstLo || r.dstHi != r.pktDstHi)) {
            observeNatGateway(r, dst, end);
        }
        if (eni >= 0 && enis.eniEndpoint(eni) >= 0) {
            src = onCapturingEni(eni, src, !r.hasPktSrcAddr, r.srcHi, r.srcLo);
            dst = onCapturingEni(eni, dst, !r.hasPktDstAddr, r.dstHi, r.dstLo);
        }
        return orientInto(r, end, src, dst);
    }

    /** Orients the resolved record into {@link #oriented}; false for tunnel traffic between nodes. */
    private boolean orientInto(FlowRecord r, long end, int src, int dst) {
        boolean srcNode = endpoints.kind(src) == EndpointKind.NODE;
        boolean dstNode = endpoints.kind(dst) == EndpointKind.NODE;
        if (srcNode && dstNode && isTunnel(r)) {
            return false;
        }
        // Fact 2: only the capturing ENI's side is replaced by its primary address; a known
        // flow-direction says which side that is (egress: the source, ingress: the destination).
        boolean srcAmbiguous = srcNode && !r.hasPktSrcAddr && r.flowDirection != FlowRecord.DIRECTION_INGRESS;
        boolean dstAmbiguous = dstNode && !r.hasPktDstAddr && r.flowDirection != FlowRecord.DIRECTION_EGRESS;
        int verdict = orientation.orient(r.protocol, r.tcpFlags, r.startMillis,
                src, srcAmbiguous, r.srcPort, endpoints.anchor(src), dst, dstAmbiguous, r.dstPort, endpoints.anchor(dst));
        fill(r, end, verdict, src, srcAmbiguous, dst, dstAmbiguous);
        return true;
    }

    /** The sender at the record's time: the packet's own address where the format has it (fact 2). */
    private int source(FlowRecord r, long end) {
        return r.hasPktSrcAddr ? resolver.resolve(r.pktSrcHi, r.pktSrcLo, r.startMillis, end)
                : resolver.resolve(r.srcHi, r.srcLo, r.startMillis, end);
    }

    private int destination(FlowRecord r, long end) {
        return r.hasPktDstAddr ? resolver.resolve(r.pktDstHi, r.pktDstLo, r.startMillis, end)
                : resolver.resolve(r.dstHi, r.dstLo, r.startMillis, end);
    }

    /** A packet for the internet addressed to an in-VPC interface: a NAT gateway (issue 14 item 5). */
    private void observeNatGateway(FlowRecord r, int dst, long end) {
        if (endpoints.kind(dst) == EndpointKind.EXTERNAL) {
            natGateways.observe(resolver.resolve(r.dstHi, r.dstLo, r.startMillis, end), dst);
        }
    }

    /**
     * An end logged as the capturing ENI's primary address (no packet address for it) is that
     * ENI's node once the ENI is settled (fact 13); any other end stays as resolved.
     */
    private int onCapturingEni(int eni, int endpoint, boolean logged, long hi, long lo) {
        return logged && endpoints.kind(endpoint) == EndpointKind.VPC_ADDRESS && enis.isPrimary(eni, hi, lo)
                ? enis.eniEndpoint(eni) : endpoint;
    }

    /** Writes the oriented record: client and server by the verdict of {@link Orientation#orient}. */
    private void fill(FlowRecord r, long end, int verdict, int src, boolean srcAmbiguous, int dst, boolean dstAmbiguous) {
        boolean reply = Orientation.sourceIsServer(verdict);
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
        o.clientReason = resolver.reason(o.clientEndpoint);
        o.serverEndpoint = reply ? src : dst;
        o.serverExact = !(reply ? srcAmbiguous : dstAmbiguous);
        o.serverReason = resolver.reason(o.serverEndpoint);
        o.packetAddresses = r.hasPktSrcAddr && r.hasPktDstAddr;
        o.interfaceId = r.interfaceId;
        o.packets = r.packets;
        o.bytes = r.bytes;
        o.startMillis = r.startMillis;
        o.endMillis = end;
        o.tcpFlags = r.protocol == Protocol.TCP ? r.tcpFlags : -1;
        o.proof = Orientation.proof(verdict);
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
        List<PeerSummary> summaries = new ArrayList<>();
        List<Edge> edges = edges(router.edges(), router.peerEdges(), false, portNames, summaries);
        long[] relayed = withoutNatRelays(edges);
        List<Edge> attempts = edges(router.attempts(), router.peerAttempts(), true, portNames, summaries);
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
        findings.joinConflicts(router.conflicts(), edges(router.conflicted(), null, false, portNames, new ArrayList<>()).stream()
                .filter(e -> !learned.contains(new Edge(e.client(), e.server(), e.protocol(), e.port(), null, null)))
                .toList());
        findings.windowsWorkloads(analyzer.windowsWorkloads());
        return new InferenceResult(edges, attempts, snat, coverage, findings.findings(), summaries);
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

    /**
     * The edges of {@code aggregator}, and of {@code peers} (null when off): each address of a class
     * under the limit as an edge of its own, as if it had been counted there, and each network of a
     * summarised class as one edge to that network, its summary added to {@code summaries}.
     */
    private List<Edge> edges(io.flowpol.inference.aggregate.EdgeAggregator aggregator, PeerAggregator peers,
                             boolean attempts, PortNames portNames, List<PeerSummary> summaries) {
        List<Edge> out = new ArrayList<>(aggregator.size());
        aggregator.forEach((client, server, protocol, port, evidence) ->
                out.add(edge(endpoints.peerById(client), endpoints.peerById(server), protocol, port, evidence, portNames)));
        if (peers != null) {
            peers.forEachExact((other, addressIsClient, vpc, address, protocol, port, evidence) -> {
                Peer end = vpc ? Peer.vpcAddress(address) : Peer.external(address);
                Peer exact = endpoints.peerById(other);
                out.add(addressIsClient ? edge(end, exact, protocol, port, evidence, portNames)
                        : edge(exact, end, protocol, port, evidence, portNames));
            });
            for (PeerSummary summary : peers.summaries(endpoints::peerById, attempts)) {
                summaries.add(summary);
                Evidence total = summary.evidence();
                Peer server = summary.summarisedIsClient() ? summary.other() : null;
                String name = server != null && server.kind() == Peer.Kind.WORKLOAD
                        ? portNames.name(server.workload(), summary.protocol(), summary.port(), total.firstSeen(),
                                total.lastSeen())
                        : null;
                summary.networks().forEach(n -> out.add(summary.edge(n, name)));
            }
        }
        Collections.sort(out);
        return out;
    }

    private static Edge edge(Peer client, Peer server, int protocol, int port, Evidence evidence, PortNames portNames) {
        String name = server.kind() == Peer.Kind.WORKLOAD
                ? portNames.name(server.workload(), protocol, port, evidence.firstSeen(), evidence.lastSeen())
                : null;
        return new Edge(client, server, protocol, port, name, evidence);
    }
}
