package io.flowpol.inference.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS network inventory of a VPC (issue 11 item 2): every private address an ENI holds,
 * indexed by address, plus the VPC ids and CIDRs it covers. Names the peers that the recording
 * alone leaves as bare VPC addresses; {@link #EMPTY} when no inventory was given.
 */
public final class NetworkInventory {
    public static final NetworkInventory EMPTY = new NetworkInventory(List.of(), List.of(), List.of());

    private final Map<IpAddress, VpcAddress> byIp = new HashMap<>();
    private final Set<String> vpcIds = new TreeSet<>();
    private final List<Cidr> cidrs;

    /**
     * @param addresses the addresses; the first entry for an address wins (files are read in order)
     * @param vpcIds VPC ids of the Vpcs and Subnets read, besides those of the addresses
     * @param cidrs VPC (or, without a Vpcs file, subnet) CIDRs read
     */
    public NetworkInventory(Collection<VpcAddress> addresses, Collection<String> vpcIds, Collection<Cidr> cidrs) {
        for (VpcAddress a : addresses) {
            byIp.putIfAbsent(a.ip(), a);
            if (a.vpcId() != null) {
                this.vpcIds.add(a.vpcId());
            }
        }
        this.vpcIds.addAll(vpcIds);
        this.cidrs = List.copyOf(new TreeSet<>(cidrs));
    }

    public boolean isEmpty() {
        return byIp.isEmpty() && cidrs.isEmpty();
    }

    /** The entry for an address, or null. */
    public VpcAddress lookup(IpAddress ip) {
        return ip == null ? null : byIp.get(ip);
    }

    public int size() {
        return byIp.size();
    }

    /** The VPC ids, sorted. */
    public Set<String> vpcIds() {
        return Collections.unmodifiableSet(vpcIds);
    }

    /** The CIDRs read, sorted. */
    public List<Cidr> cidrs() {
        return cidrs;
    }

    /** Whether the address is one of the inventory's, or inside one of its CIDRs. */
    public boolean covers(IpAddress ip) {
        if (byIp.containsKey(ip)) {
            return true;
        }
        for (Cidr c : cidrs) {
            if (c.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The peer's display form: a VPC address the inventory knows is named
     * ({@code load balancer k8s-shop-frontend (NLB) (10.0.3.168)}); anything else keeps
     * {@link Peer#toString()}, so without an inventory every output is unchanged.
     */
    public String displayName(Peer peer) {
        if (peer.kind() == Peer.Kind.VPC_ADDRESS && peer.network() == null) {
            VpcAddress a = lookup(peer.ip());
            if (a != null) {
                return a.displayName() + " (" + peer.ip() + ")";
            }
        }
        return peer.toString();
    }

    /** All entries, sorted by address (for tests and listings). */
    public List<VpcAddress> addresses() {
        List<VpcAddress> all = new ArrayList<>(byIp.values());
        all.sort((a, b) -> a.ip().compareTo(b.ip()));
        return all;
    }
}
