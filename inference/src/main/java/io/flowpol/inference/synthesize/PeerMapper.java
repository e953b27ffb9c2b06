package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.EniSets;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.timeline.AddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NodeSpan;
import io.flowpol.inference.timeline.Workload;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps a resolved peer to the NetworkPolicy peers that select exactly it: a workload by its
 * controller selector and its namespace's {@code kubernetes.io/metadata.name} (DESIGN.md
 * fact 9), anything else by address. An empty list means the peer cannot be selected.
 */
final class PeerMapper {
    /** The label the API server sets on every namespace since Kubernetes 1.22 (KEP-2161). */
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private final Map<WorkloadId, Workload> workloads;
    private final ClusterTimeline cluster;
    private final SynthesisOptions options;
    private final List<Cidr> apiServer;
    private final EniSets eniSets;

    PeerMapper(ClusterTimeline cluster, SynthesisOptions options) {
        this(cluster, options, EniSets.EMPTY);
    }

    /** {@code eniSets}: in-VPC peers the inventory names are allowed by their resource's whole ENI set. */
    PeerMapper(ClusterTimeline cluster, SynthesisOptions options, EniSets eniSets) {
        this.cluster = cluster;
        this.eniSets = eniSets;
        this.options = options;
        this.workloads = cluster.workloads().stream()
                .collect(Collectors.toMap(Workload::id, Function.identity(), (a, b) -> a));
        this.apiServer = cluster.apiServer().stream().map(AddressSpan::ip).filter(java.util.Objects::nonNull)
                .map(Cidr::host).distinct().sorted().toList();
    }

    Workload workload(WorkloadId id) {
        return workloads.get(id);
    }

    /** The API server's endpoint addresses over the window, as host blocks, sorted. */
    List<Cidr> apiServerBlocks() {
        return apiServer;
    }

    static LabelSelector namespaceSelector(String namespace) {
        return LabelSelector.of(Map.of(NAMESPACE_NAME_LABEL, namespace));
    }

    /** The NetworkPolicy peers for {@code peer}, sorted; empty when it cannot be selected. */
    List<NetworkPolicyPeer> map(Peer peer) {
        return switch (peer.kind()) {
            case WORKLOAD -> {
                Workload w = workloads.get(peer.workload());
                yield w == null ? List.of()
                        : List.of(new NetworkPolicyPeer(w.selector(), namespaceSelector(w.id().namespace()), null));
            }
            case NODE -> blocks(nodeAddresses(peer));
            case API_SERVER -> blocks(apiServerWith(peer.ip()));
            // A summarised network (issue 13 item 4) is its block; a single address widens to its
            // resource's whole ENI set where the inventory names one (issue 11 item 3).
            case VPC_ADDRESS -> peer.ip() == null ? List.of()
                    : blocks(peer.network() != null ? List.of(peer.network()) : withEniSet(peer.ip()));
            case EXTERNAL -> peer.ip() == null ? List.of() : blocks(List.of(widened(peer)));
        };
    }

    /**
     * EKS replaces its cross-account control-plane ENIs (DESIGN.md fact 10), so a peer seen as
     * the API server is every address {@code default/kubernetes} listed during the window.
     */
    private List<Cidr> apiServerWith(IpAddress seen) {
        TreeSet<Cidr> all = new TreeSet<>(apiServer);
        if (seen != null) {
            all.add(Cidr.host(seen));
        }
        // The inventory may know control-plane ENIs the endpoints did not list in the window.
        for (Cidr c : List.copyOf(all)) {
            eniSets.of(c.base()).forEach(ip -> all.add(Cidr.host(ip)));
        }
        return List.copyOf(all);
    }

    /**
     * The address, and every other ENI address of the resource holding it when the inventory
     * names one ({@link EniSets}): a load balancer or endpoint that scales keeps being allowed.
     */
    private List<Cidr> withEniSet(IpAddress ip) {
        TreeSet<Cidr> all = new TreeSet<>();
        all.add(Cidr.host(ip));
        eniSets.of(ip).forEach(a -> all.add(Cidr.host(a)));
        return List.copyOf(all);
    }

    /** Whether the inventory widens {@code ip} to a set of more than one address. */
    boolean inEniSet(IpAddress ip) {
        return ip != null && eniSets.of(ip).size() > 1;
    }

    EniSets eniSets() {
        return eniSets;
    }

    /** The address the node was seen with; without one, every address the recording gives it. */
    private List<Cidr> nodeAddresses(Peer peer) {
        if (peer.ip() != null) {
            return List.of(Cidr.host(peer.ip()));
        }
        TreeSet<Cidr> all = new TreeSet<>();
        for (NodeSpan node : cluster.nodes()) {
            if (node.name().equals(peer.node())) {
                node.addresses().forEach(a -> all.add(Cidr.host(a)));
            }
        }
        return List.copyOf(all);
    }

    /** The peer's address widened as configured; a summarised network is its block, or wider. */
    private Cidr widened(Peer peer) {
        IpAddress ip = peer.ip();
        int prefix = ip.isV4() ? options.externalPrefixV4() : options.externalPrefixV6();
        return new Cidr(ip, peer.prefix() == null ? prefix : Math.min(prefix, peer.prefix()));
    }

    private static List<NetworkPolicyPeer> blocks(List<Cidr> cidrs) {
        return cidrs.stream().sorted().distinct()
                .map(c -> new NetworkPolicyPeer(null, null, new IpBlock(c, List.of()))).toList();
    }
}
