package io.flowpol.inference.resolve;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.timeline.AddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NodeSpan;
import io.flowpol.inference.timeline.PodSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code (address, time)} to an endpoint id of {@link #endpoints()} (DESIGN.md facts
 * 2, 3, 5, 6, 10). Built once from the timeline. Not thread-safe (it interns addresses as it
 * meets them). Why an address is unresolved is a property of its endpoint ({@link #reason}), so
 * no answer depends on the order of calls.
 */
public final class EndpointResolver {
    private final Endpoints endpoints;
    private final SpanIndex index = new SpanIndex();
    private final List<Cidr> vpcCidrs;
    private final LongIntMap v4Interned = new LongIntMap(1024);
    private final Map<IpAddress, Integer> v6Interned = new HashMap<>();
    private final LongIntMap apiServerPorts = new LongIntMap(16);
    private final ExternalAddresses externals;
    /** Why each interned VPC address is not a recorded object, by endpoint id (null for other endpoints). */
    private UnresolvedReason[] reasons = new UnresolvedReason[1024];

    public EndpointResolver(ClusterTimeline cluster, List<Cidr> vpcCidrs) {
        this(cluster, vpcCidrs, 0);
    }

    /**
     * {@code recycleExternalsAfterMillis} &gt; 0 lets an external address unused for that long in
     * log time give its endpoint id to another ({@link ExternalAddresses}); 0 keeps every one.
     */
    public EndpointResolver(ClusterTimeline cluster, List<Cidr> vpcCidrs, long recycleExternalsAfterMillis) {
        this.endpoints = new Endpoints(cluster.pods());
        this.externals = new ExternalAddresses(endpoints, recycleExternalsAfterMillis);
        this.vpcCidrs = List.copyOf(vpcCidrs);
        for (NodeSpan node : cluster.nodes()) {
            int nodeIndex = endpoints.nodeIndex(node.name());
            for (IpAddress ip : node.addresses()) {
                index.add(ip, node.from(), node.to(), endpoints.add(EndpointKind.NODE, nodeIndex, -1, ip.hi(), ip.lo()));
            }
        }
        List<PodSpan> pods = cluster.pods();
        for (int p = 0; p < pods.size(); p++) {
            PodSpan pod = pods.get(p);
            int nodeIndex = pod.node() == null ? -1 : endpoints.nodeIndex(pod.node());
            for (IpAddress ip : pod.ips()) {
                // Fact 10: a hostNetwork pod uses the node's addresses, so it is the node.
                int endpoint = pod.hostNetwork() && nodeIndex >= 0
                        ? endpoints.add(EndpointKind.NODE, nodeIndex, -1, ip.hi(), ip.lo())
                        : endpoints.add(EndpointKind.POD, nodeIndex, p, ip.hi(), ip.lo());
                index.add(ip, pod.from(), pod.to(), endpoint);
            }
        }
        for (AddressSpan api : cluster.apiServer()) {
            int endpoint = endpoints.add(EndpointKind.API_SERVER, -1, -1, api.ip().hi(), api.ip().lo());
            apiServerPorts.put(endpoint, api.port());
            index.add(api.ip(), api.from(), api.to(), endpoint);
        }
        index.build(endpoints);
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The port an API server endpoint listens on (from the kubernetes endpoints), -1 otherwise. */
    public int apiServerPort(int endpoint) {
        return apiServerPorts.get(endpoint);
    }

    /**
     * The endpoint holding the address at {@code start}, else at {@code end}; otherwise the
     * interned VPC or external address.
     */
    public int resolve(long hi, long lo, long start, long end) {
        int group = index.group(hi, lo);
        if (group >= 0) {
            int endpoint = index.find(group, start);
            if (endpoint < 0) {
                endpoint = index.find(group, end);
            }
            if (endpoint >= 0) {
                return endpoint;
            }
        }
        int endpoint = internedVpc(hi, lo);
        if (endpoint < 0) {
            endpoint = externals.find(hi, lo, end);
            if (endpoint >= 0) {
                return endpoint;
            }
            if (!inVpc(hi, lo)) {
                return externals.add(hi, lo);
            }
            endpoint = internVpc(hi, lo, group);
        }
        return endpoint;
    }

    /**
     * Why {@code endpoint}, as {@link #resolve} returned it, is not a recorded object: for an
     * in-VPC address, whether a pod ever held it; null for recorded objects and external addresses.
     */
    public UnresolvedReason reason(int endpoint) {
        return endpoint < reasons.length ? reasons[endpoint] : null;
    }

    /** External addresses holding an endpoint now: bounded by recent ones when recycling. */
    public int liveExternals() {
        return externals.live();
    }

    /** The endpoint of an in-VPC address no recorded object holds, -1 when not seen yet. */
    private int internedVpc(long hi, long lo) {
        if (IpAddress.isV4(hi, lo)) {
            return v4Interned.get(lo);
        }
        Integer known = v6Interned.get(new IpAddress(hi, lo));
        return known == null ? -1 : known;
    }

    /** Interns an in-VPC address no recorded object holds. */
    private int internVpc(long hi, long lo, int group) {
        int endpoint = endpoints.add(EndpointKind.VPC_ADDRESS, -1, -1, hi, lo);
        // The address's group (its recorded holders) is fixed once built: so is the reason.
        if (endpoint >= reasons.length) {
            reasons = java.util.Arrays.copyOf(reasons, Math.max(endpoint + 1, reasons.length * 2));
        }
        reasons[endpoint] = group >= 0 && index.groupHasPod(group)
                ? UnresolvedReason.POD_IP_NOT_ASSIGNED : UnresolvedReason.VPC_ADDRESS_UNRECORDED;
        if (IpAddress.isV4(hi, lo)) {
            v4Interned.put(lo, endpoint);
        } else {
            v6Interned.put(new IpAddress(hi, lo), endpoint);
        }
        return endpoint;
    }

    private boolean inVpc(long hi, long lo) {
        for (Cidr cidr : vpcCidrs) {
            if (cidr.contains(hi, lo)) {
                return true;
            }
        }
        return false;
    }
}
