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
 *
 * <p>An inventory read from files or once from the API holds each address over all time; one
 * recorded by {@code record --aws-network live} ({@link #timed}) holds it only over the
 * snapshots that listed it, so {@link #lookup(IpAddress, long)} answers for the time of a flow
 * (an address a load balancer held at 10:00 may be a node's at 11:00).
 */
public final class NetworkInventory {
    public static final NetworkInventory EMPTY = new NetworkInventory(List.of(), List.of(), List.of());

    private final Map<IpAddress, VpcAddress> byIp = new HashMap<>();
    /** Every span per address, sorted by start; only for a timed inventory. */
    private final Map<IpAddress, List<VpcAddressSpan>> spansByIp = new HashMap<>();
    private final Set<String> vpcIds = new TreeSet<>();
    private final List<Cidr> cidrs;
    private final boolean timed;

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
        this.timed = false;
    }

    private NetworkInventory(List<VpcAddressSpan> spans, Collection<String> vpcIds, Collection<Cidr> cidrs, boolean timed) {
        List<VpcAddressSpan> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Long.compare(a.from(), b.from()));
        for (VpcAddressSpan span : sorted) {
            VpcAddress a = span.address();
            // Untimed callers (display names) see the address's first holder in the window.
            byIp.putIfAbsent(a.ip(), a);
            spansByIp.computeIfAbsent(a.ip(), k -> new ArrayList<>()).add(span);
            if (a.vpcId() != null) {
                this.vpcIds.add(a.vpcId());
            }
        }
        this.vpcIds.addAll(vpcIds);
        this.cidrs = List.copyOf(new TreeSet<>(cidrs));
        this.timed = timed;
    }

    /** An inventory recorded over time: each address held only over its spans. */
    public static NetworkInventory timed(Collection<VpcAddressSpan> spans, Collection<String> vpcIds, Collection<Cidr> cidrs) {
        return new NetworkInventory(List.copyOf(spans), vpcIds, cidrs, true);
    }

    /** Whether addresses are held over spans of time ({@link #timed}) rather than always. */
    public boolean isTimed() {
        return timed;
    }

    /**
     * The entry for an address at a time, or null: for a timed inventory the span that holds
     * {@code millis}, otherwise the same as {@link #lookup(IpAddress)}.
     */
    public VpcAddress lookup(IpAddress ip, long millis) {
        if (ip == null) {
            return null;
        }
        if (!timed) {
            return byIp.get(ip);
        }
        List<VpcAddressSpan> spans = spansByIp.get(ip);
        if (spans != null) {
            for (VpcAddressSpan span : spans) {
                if (span.contains(millis)) {
                    return span.address();
                }
            }
        }
        return null;
    }

    /** Every span of every address, sorted by address then start; one span over all time each when not timed. */
    public List<VpcAddressSpan> spans() {
        List<VpcAddressSpan> all = new ArrayList<>();
        if (timed) {
            spansByIp.values().forEach(all::addAll);
        } else {
            byIp.values().forEach(a -> all.add(VpcAddressSpan.always(a)));
        }
        all.sort((a, b) -> {
            int c = a.address().ip().compareTo(b.address().ip());
            return c != 0 ? c : Long.compare(a.from(), b.from());
        });
        return all;
    }

    public boolean isEmpty() {
        return byIp.isEmpty() && cidrs.isEmpty();
    }

    /** The entry for an address, or null; of a timed inventory, the address's first holder. */
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
