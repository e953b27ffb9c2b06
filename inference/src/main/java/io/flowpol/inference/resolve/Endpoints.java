package io.flowpol.inference.resolve;

import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.PodSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoint table: an int id per pod span, per (node, address), per API server address
 * and per interned VPC or external address, with its kind, node, workload and peer. Struct
 * of arrays, so the hot loop handles ints only; {@link Peer}s are built once per endpoint.
 */
public final class Endpoints {
    private EndpointKind[] kinds = new EndpointKind[64];
    private int[] nodes = new int[64];
    private int[] pods = new int[64];
    private long[] ipHi = new long[64];
    private long[] ipLo = new long[64];
    private int[] peers = new int[64];
    private int count;

    private final List<String> nodeNames = new ArrayList<>();
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final List<PodSpan> podSpans;
    private final List<Peer> peerTable = new ArrayList<>();
    private final Map<Peer, Integer> peerIndex = new HashMap<>();

    public Endpoints(List<PodSpan> podSpans) {
        this.podSpans = List.copyOf(podSpans);
    }

    /** Node index for a name, added when new; node indices are the join anchors of nodes. */
    public int nodeIndex(String name) {
        Integer index = nodeIndex.get(name);
        if (index != null) {
            return index;
        }
        nodeNames.add(name);
        nodeIndex.put(name, nodeNames.size() - 1);
        return nodeNames.size() - 1;
    }

    public int add(EndpointKind kind, int node, int pod, long hi, long lo) {
        if (count == kinds.length) {
            int capacity = count * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            nodes = Arrays.copyOf(nodes, capacity);
            pods = Arrays.copyOf(pods, capacity);
            ipHi = Arrays.copyOf(ipHi, capacity);
            ipLo = Arrays.copyOf(ipLo, capacity);
            peers = Arrays.copyOf(peers, capacity);
        }
        kinds[count] = kind;
        nodes[count] = node;
        pods[count] = pod;
        ipHi[count] = hi;
        ipLo[count] = lo;
        peers[count] = -1;
        return count++;
    }

    /**
     * Gives a freed endpoint id to another address (see {@code ExternalAddresses}): its peer is
     * looked up afresh.
     */
    int reuse(int endpoint, EndpointKind kind, long hi, long lo) {
        kinds[endpoint] = kind;
        nodes[endpoint] = -1;
        pods[endpoint] = -1;
        ipHi[endpoint] = hi;
        ipLo[endpoint] = lo;
        peers[endpoint] = -1;
        return endpoint;
    }

    public int size() {
        return count;
    }

    public EndpointKind kind(int endpoint) {
        return kinds[endpoint];
    }

    /** The node index of a pod or node endpoint, -1 otherwise. */
    public int node(int endpoint) {
        return nodes[endpoint];
    }

    public String nodeName(int node) {
        return nodeNames.get(node);
    }

    public int nodeCount() {
        return nodeNames.size();
    }

    /** Index into the timeline's pod list for a POD endpoint, -1 otherwise. */
    public int pod(int endpoint) {
        return pods[endpoint];
    }

    public PodSpan podSpan(int endpoint) {
        return podSpans.get(pods[endpoint]);
    }

    /** The address's high and low halves, without allocating (see {@link IpAddress}). */
    public long ipHi(int endpoint) {
        return ipHi[endpoint];
    }

    public long ipLo(int endpoint) {
        return ipLo[endpoint];
    }

    public IpAddress ip(int endpoint) {
        return new IpAddress(ipHi[endpoint], ipLo[endpoint]);
    }

    public WorkloadId workload(int endpoint) {
        return kinds[endpoint] == EndpointKind.POD ? podSpan(endpoint).workload() : null;
    }

    /**
     * Join anchor (fact 2): a pod or node end anchors at its node, any other end at itself.
     * Node anchors are {@code [0, nodeCount)}, the others follow, so the two never collide.
     */
    public long anchor(int endpoint) {
        return nodes[endpoint] >= 0 ? nodes[endpoint] : (long) Integer.MAX_VALUE + endpoint;
    }

    /** A small id of the endpoint's {@link Peer}: pods of one workload share it. */
    public int peer(int endpoint) {
        int id = peers[endpoint];
        if (id < 0) {
            Peer peer = switch (kinds[endpoint]) {
                case POD -> Peer.workload(workload(endpoint));
                case NODE -> Peer.node(nodeName(nodes[endpoint]), ip(endpoint));
                case API_SERVER -> Peer.apiServer(ip(endpoint));
                case VPC_ADDRESS -> Peer.vpcAddress(ip(endpoint));
                case EXTERNAL -> Peer.external(ip(endpoint));
            };
            id = peerIndex.computeIfAbsent(peer, p -> {
                peerTable.add(p);
                return peerTable.size() - 1;
            });
            peers[endpoint] = id;
        }
        return id;
    }

    public Peer peerById(int id) {
        return peerTable.get(id);
    }
}
