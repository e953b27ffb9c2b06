package io.flowpol.inference.snat;

import io.flowpol.inference.aggregate.SnatSetCounter;
import io.flowpol.inference.model.CandidateSet;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.resolve.Endpoints;
import io.flowpol.inference.resolve.PodIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time-resolved SNAT candidates (issue 14 item 1): a connection from node N over {@code [from, to]}
 * may have come from the workloads with a pod on N then — not from every workload that ran there
 * at some time of the window. Feeds a {@link SnatSetCounter} and turns its counts into
 * {@link CandidateSet}s per (node, destination, protocol, port).
 */
public final class SnatCandidates implements SnatSetCounter.SetLookup {
    private static final Comparator<List<WorkloadId>> BY_MEMBERS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final Endpoints endpoints;
    private final PodIndex pods;
    private final CandidateInterner interner = new CandidateInterner();
    private final Map<String, NodeOccupancy> byNode = new HashMap<>();
    /** By node peer id, filled on first use: the per-connection path then does no map lookup. */
    private NodeOccupancy[] byPeer = new NodeOccupancy[16];
    private final SnatSetCounter counter = new SnatSetCounter(this);

    public SnatCandidates(Endpoints endpoints, PodIndex pods) {
        this.endpoints = endpoints;
        this.pods = pods;
    }

    public SnatSetCounter counter() {
        return counter;
    }

    @Override
    public int setId(int nodePeer, long from, long to) {
        if (nodePeer >= byPeer.length) {
            byPeer = Arrays.copyOf(byPeer, Math.max(nodePeer + 1, byPeer.length * 2));
        }
        NodeOccupancy node = byPeer[nodePeer];
        if (node == null) {
            String name = endpoints.peerById(nodePeer).node();
            node = byNode.computeIfAbsent(name, n -> new NodeOccupancy(pods.onNode(n), interner));
            byPeer[nodePeer] = node;
        }
        return node.candidates(from, to);
    }

    /** The key of one SNAT destination as seen from one node. */
    public record Key(String node, IpAddress destination, int protocol, int port) {
    }

    /** The candidate sets counted per key, each list sorted by its members. */
    public Map<Key, List<CandidateSet>> sets() {
        Map<Key, List<CandidateSet>> out = new HashMap<>();
        counter.forEach((nodePeer, serverPeer, protocol, port, setId, connections) -> {
            Peer node = endpoints.peerById(nodePeer);
            Key key = new Key(node.node(), endpoints.peerById(serverPeer).ip(), protocol, port);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(new CandidateSet(interner.set(setId), connections));
        });
        out.values().forEach(list -> list.sort(Comparator.comparing(CandidateSet::workloads, BY_MEMBERS)));
        return out;
    }
}
