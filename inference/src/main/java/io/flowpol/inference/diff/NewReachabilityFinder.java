package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.ConnectionSet;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.PortSet;
import io.flowpol.inference.evaluate.Verdict;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What the proposed policies allow that the current ones deny, for every kind of peer (DESIGN.md
 * safety invariant): per workload and direction, every other workload, and the whole IPv4 space
 * cut into the intervals the policies' CIDRs induce (plus VPC, node and API server addresses),
 * each probed once with the evaluator's exact per-port listing. Adjacent intervals the proposal
 * treats alike are merged back into CIDRs, so an allow-all reads as one {@code 0.0.0.0/0} row and
 * a widened ipBlock as the widened block with the number of addresses it adds.
 */
public final class NewReachabilityFinder {
    private static final Comparator<NewReachability> RISK_ORDER = Comparator
            .comparing(NewReachability::kind).thenComparing(NewReachability::workload)
            .thenComparing(NewReachability::direction).thenComparing(NewReachability::peerText);

    private final EndpointCatalog catalog;
    private final Set<Long> nodes = new HashSet<>();
    private final Set<Long> apiServers = new HashSet<>();
    private final List<Cidr> vpc;
    private final List<Cidr> landmarks = new ArrayList<>();

    public NewReachabilityFinder(EndpointCatalog catalog, List<IpAddress> nodes, List<IpAddress> apiServers,
                                 List<Cidr> vpc) {
        this.catalog = catalog;
        this.vpc = List.copyOf(vpc);
        landmarks.addAll(vpc);
        for (IpAddress ip : nodes) {
            if (ip.isV4()) {
                this.nodes.add(Integer.toUnsignedLong(ip.v4()));
                landmarks.add(Cidr.host(ip));
            }
        }
        for (IpAddress ip : apiServers) {
            if (ip.isV4()) {
                this.apiServers.add(Integer.toUnsignedLong(ip.v4()));
                landmarks.add(Cidr.host(ip));
            }
        }
    }

    /** Newly allowed reachability, riskiest first (internet, API server, nodes, other namespaces, VPC, own namespace). */
    public List<NewReachability> find(PolicySet currentSet, PolicySet proposedSet, PolicyEngine current,
                                      PolicyEngine proposed, List<Edge> observed) {
        List<Cidr> cidrs = new ArrayList<>(landmarks);
        cidrs.addAll(AddressRanges.of(currentSet, proposedSet));
        return find(cidrs, ReachabilityBaseline.of(current), current, proposed, observed, id -> true);
    }

    /**
     * What a policy set allows beyond the observed edges (issue 18 item 3), riskiest first: the
     * same rows as a dry run whose current side allows exactly what was seen. Only workloads
     * {@code governed} accepts own a row (a namespace the set leaves open is not its doing); their
     * peers are every workload.
     */
    public List<NewReachability> beyondObserved(PolicySet set, PolicyEngine engine, List<Edge> observed,
                                                Predicate<WorkloadId> governed) {
        ObservedBaseline baseline = new ObservedBaseline(observed);
        List<Cidr> cidrs = new ArrayList<>(landmarks);
        cidrs.addAll(AddressRanges.of(set));
        cidrs.addAll(baseline.addresses());
        return find(cidrs, baseline, null, engine, observed, governed);
    }

    private List<NewReachability> find(List<Cidr> cidrs, ReachabilityBaseline current, PolicyEngine currentEngine,
                                       PolicyEngine proposed, List<Edge> observed, Predicate<WorkloadId> owners) {
        long[] starts = AddressRanges.starts(cidrs);
        EvalEndpoint[] probes = new EvalEndpoint[starts.length]; // one per interval, shared by every workload
        for (int i = 0; i < starts.length; i++) {
            probes[i] = EvalEndpoint.address(AddressRanges.address(starts[i]));
        }
        List<NewReachability> out = new ArrayList<>();
        Map<WorkloadId, List<EvalEndpoint>> workloads = new TreeMap<>(catalog.workloads());
        for (Map.Entry<WorkloadId, List<EvalEndpoint>> w : workloads.entrySet()) {
            if (!owners.test(w.getKey())) {
                continue;
            }
            for (PolicyType direction : PolicyType.values()) {
                addresses(w.getKey(), w.getValue(), direction, starts, probes, current, currentEngine, proposed,
                        observed, out);
            }
        }
        workloadPeers(workloads, current, currentEngine, proposed, observed, owners, out);
        out.sort(RISK_ORDER);
        return out;
    }

    private void addresses(WorkloadId id, List<EvalEndpoint> pods, PolicyType direction, long[] starts, EvalEndpoint[] probes,
                           ReachabilityBaseline current, PolicyEngine currentEngine, PolicyEngine proposed,
                           List<Edge> observed, List<NewReachability> out) {
        int n = starts.length;
        ConnectionSet[] after = new ConnectionSet[n];
        ConnectionSet[] added = new ConnectionSet[n];
        Arrays.fill(after, ConnectionSet.NONE);
        Arrays.fill(added, ConnectionSet.NONE);
        for (EvalEndpoint pod : representatives(pods, direction)) {
            AddressListing proposedSide = new AddressListing(proposed, pod, direction);
            AddressListing currentSide = currentEngine == null ? null : new AddressListing(currentEngine, pod, direction);
            for (int i = 0; i < n; i++) {
                EvalEndpoint address = probes[i];
                ConnectionSet a = proposedSide.allowed(starts[i], address);
                ConnectionSet before = currentSide != null ? currentSide.allowed(starts[i], address)
                        : direction == PolicyType.EGRESS ? current.allowed(id, pod, null, address)
                        : current.allowed(null, address, id, pod);
                after[i] = after[i].union(a);
                added[i] = added[i].union(ConnectionMath.minus(a, before));
            }
        }
        // Contiguous runs the proposal treats alike; runs with nothing new are dropped; runs
        // allowing the same connections are one row even across a gap (0.0.0.0/0 except the metadata address).
        Map<ConnectionSet, List<long[]>> rows = new LinkedHashMap<>();
        Map<ConnectionSet, long[]> sizes = new HashMap<>();
        Map<ConnectionSet, ConnectionSet> newSets = new HashMap<>();
        Map<ConnectionSet, Set<PeerKind>> kindsOf = new HashMap<>();
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && after[j].equals(after[i])) {
                j++;
            }
            ConnectionSet newly = ConnectionSet.NONE;
            long newAddresses = 0;
            Set<PeerKind> kinds = EnumSet.noneOf(PeerKind.class);
            for (int k = i; k < j; k++) {
                if (!added[k].isEmpty()) {
                    newly = newly.union(added[k]);
                    newAddresses += end(starts, k) - starts[k];
                    kinds.add(kind(starts[k], end(starts, k)));
                }
            }
            if (!newly.isEmpty()) {
                ConnectionSet key = after[i];
                rows.computeIfAbsent(key, a -> new ArrayList<>()).add(new long[] {starts[i], end(starts, j - 1)});
                long[] size = sizes.computeIfAbsent(key, a -> new long[2]);
                size[0] += end(starts, j - 1) - starts[i];
                size[1] += newAddresses;
                newSets.merge(key, newly, ConnectionSet::union);
                kindsOf.computeIfAbsent(key, a -> EnumSet.noneOf(PeerKind.class)).addAll(kinds);
            }
            i = j;
        }
        rows.forEach((allowedAfter, intervals) -> {
            long seen = observed(observed, id, direction, allowedAfter, peer -> peer.kind() != Peer.Kind.WORKLOAD
                    && peer.ip() != null && peer.ip().isV4() && inside(intervals, Integer.toUnsignedLong(peer.ip().v4())));
            ConnectionSet newly = newSets.get(allowedAfter);
            List<PeerKind> kinds = List.copyOf(kindsOf.get(allowedAfter));
            AddressRanges.Summary summary = AddressRanges.summary(intervals);
            long[] size = sizes.get(allowedAfter);
            out.add(new NewReachability(id, direction, kinds.get(0), kinds, summary.cidrs(), summary.enclosing(),
                    summary.except(), null, List.of(), allowedAfter, newly, size[0], size[1],
                    ConnectionMath.size(newly), seen));
        });
    }

    /**
     * One pod per label set (and, for ingress, per declared ports, where named ports resolve):
     * towards a bare address nothing else about a pod takes part in the decision.
     */
    private static Collection<EvalEndpoint> representatives(List<EvalEndpoint> pods, PolicyType direction) {
        Map<List<Object>, EvalEndpoint> byShape = new LinkedHashMap<>();
        for (EvalEndpoint pod : pods) {
            List<Object> shape = Arrays.asList(pod.namespace(), pod.labels(), pod.namespaceLabels(), pod.serviceAccount(),
                    direction == PolicyType.INGRESS ? pod.ports() : null);
            byShape.putIfAbsent(shape, pod);
        }
        return byShape.values();
    }

    private static boolean inside(List<long[]> intervals, long address) {
        for (long[] i : intervals) {
            if (address >= i[0] && address < i[1]) {
                return true;
            }
        }
        return false;
    }

    private static long end(long[] starts, int i) {
        return i + 1 < starts.length ? starts[i + 1] : AddressRanges.SPACE;
    }

    private PeerKind kind(long start, long end) {
        if (end - start == 1 && apiServers.contains(start)) {
            return PeerKind.API_SERVER;
        }
        if (end - start == 1 && nodes.contains(start)) {
            return PeerKind.NODE;
        }
        IpAddress first = AddressRanges.address(start);
        return vpc.stream().anyMatch(c -> c.contains(first)) ? PeerKind.VPC : PeerKind.INTERNET;
    }

    /**
     * Workload pairs: a newly allowed pair is reported once, on the side whose policy decision
     * changed (the client's egress or the server's ingress); when both changed, on the side that
     * gained the most new peers — that is the workload that was opened.
     */
    private void workloadPeers(Map<WorkloadId, List<EvalEndpoint>> workloads, ReachabilityBaseline current,
                               PolicyEngine currentEngine, PolicyEngine proposed, List<Edge> observed,
                               Predicate<WorkloadId> owners, List<NewReachability> out) {
        record Pair(WorkloadId client, WorkloadId server, ConnectionSet after, ConnectionSet added, Boolean egress) {
        }
        List<Pair> pairs = new ArrayList<>();
        Map<WorkloadId, Integer> egressPeers = new HashMap<>();
        Map<WorkloadId, Integer> ingressPeers = new HashMap<>();
        for (var client : workloads.entrySet()) {
            for (var server : workloads.entrySet()) {
                if (client.getKey().equals(server.getKey())) {
                    continue; // a workload talking to itself is mostly same-pod or same-node: not judged here
                }
                boolean clientOwns = owners.test(client.getKey());
                boolean serverOwns = owners.test(server.getKey());
                if (!clientOwns && !serverOwns) {
                    continue;
                }
                ConnectionSet after = ConnectionSet.NONE;
                ConnectionSet added = ConnectionSet.NONE;
                Boolean egress = null;
                for (EvalEndpoint c : client.getValue()) {
                    for (EvalEndpoint s : server.getValue()) {
                        ConnectionSet a = proposed.allowedConnections(c, s);
                        after = after.union(a);
                        ConnectionSet gained = ConnectionMath.minus(a,
                                current.allowed(client.getKey(), c, server.getKey(), s));
                        if (egress == null && !gained.isEmpty() && currentEngine != null) {
                            egress = changedSide(currentEngine, proposed, c, s, gained);
                        }
                        added = added.union(gained);
                    }
                }
                if (clientOwns != serverOwns) {
                    egress = clientOwns; // only one end is governed: the row is that end's
                }
                if (!added.isEmpty()) {
                    pairs.add(new Pair(client.getKey(), server.getKey(), after, added, egress));
                    egressPeers.merge(client.getKey(), 1, Integer::sum);
                    ingressPeers.merge(server.getKey(), 1, Integer::sum);
                }
            }
        }
        // group by (owner, direction, peer namespace, what is allowed, what is new)
        Map<List<Object>, List<WorkloadId>> groups = new LinkedHashMap<>();
        for (Pair p : pairs) {
            boolean egress = p.egress() != null ? p.egress()
                    : egressPeers.get(p.client()) >= ingressPeers.get(p.server());
            WorkloadId owner = egress ? p.client() : p.server();
            WorkloadId peer = egress ? p.server() : p.client();
            groups.computeIfAbsent(List.of(owner, egress ? PolicyType.EGRESS : PolicyType.INGRESS, peer.namespace(),
                    p.after(), p.added()), k -> new ArrayList<>()).add(peer);
        }
        groups.forEach((key, peers) -> {
            WorkloadId owner = (WorkloadId) key.get(0);
            PolicyType direction = (PolicyType) key.get(1);
            String namespace = (String) key.get(2);
            ConnectionSet after = (ConnectionSet) key.get(3);
            ConnectionSet added = (ConnectionSet) key.get(4);
            List<WorkloadId> sorted = List.copyOf(new TreeSet<>(peers));
            PeerKind kind = namespace.equals(owner.namespace()) ? PeerKind.SAME_NAMESPACE : PeerKind.OTHER_NAMESPACE;
            Set<WorkloadId> members = new HashSet<>(sorted);
            long seen = observed(observed, owner, direction, after,
                    peer -> peer.kind() == Peer.Kind.WORKLOAD && members.contains(peer.workload()));
            out.add(new NewReachability(owner, direction, kind, List.of(kind), List.of(), null, List.of(), namespace,
                    sorted, after,
                    added, sorted.size(), sorted.size(), ConnectionMath.size(added), seen));
        });
    }

    /**
     * TRUE when only the client's egress decision changed on a newly allowed port, FALSE when only
     * the server's ingress decision did, null when both (or neither) did.
     */
    private static Boolean changedSide(PolicyEngine current, PolicyEngine proposed, EvalEndpoint client,
                                       EvalEndpoint server, ConnectionSet gained) {
        Map.Entry<Integer, PortSet> first = gained.byProtocol().entrySet().iterator().next();
        Connection probe = new Connection(client, server, first.getKey(), first.getValue().ranges().get(0)[0]);
        Verdict before = current.allows(probe);
        Verdict after = proposed.allows(probe);
        boolean egress = !before.egressDecision().equals(after.egressDecision());
        boolean ingress = !before.ingressDecision().equals(after.ingressDecision());
        return egress == ingress ? null : egress;
    }

    /** Connections of the window from (egress) or to (ingress) the workload, towards a matching peer, on allowed ports. */
    private static long observed(List<Edge> observed, WorkloadId id, PolicyType direction, ConnectionSet ports,
                                 Predicate<Peer> peerMatches) {
        long total = 0;
        for (Edge e : observed) {
            Peer self = direction == PolicyType.EGRESS ? e.client() : e.server();
            Peer other = direction == PolicyType.EGRESS ? e.server() : e.client();
            if (self.kind() == Peer.Kind.WORKLOAD && self.workload().equals(id) && peerMatches.test(other)
                    && ConnectionMath.contains(ports, e.protocol(), e.port()) && e.evidence() != null) {
                total += e.evidence().connections();
            }
        }
        return total;
    }
}
