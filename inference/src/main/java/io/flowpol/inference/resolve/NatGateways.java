package io.flowpol.inference.resolve;

import io.flowpol.inference.model.IpAddress;
import java.util.BitSet;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The VPC addresses seen translating traffic to the internet: NAT gateways (issue 14 item 5).
 * A record whose {@code dstaddr} is an in-VPC address while {@code pkt-dstaddr} is external was
 * captured at an interface that received a packet for the internet addressed to itself — a NAT
 * gateway's ENI (AWS, "Traffic through a NAT gateway"). That gateway then sends the same
 * connection from its own address; those records are its translation of a connection already
 * seen from the sender, not an edge of their own. Endpoint ids, so marking allocates nothing.
 */
public final class NatGateways {
    private final Endpoints endpoints;
    private final BitSet gateways = new BitSet();

    public NatGateways(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * Notes the record's {@code dstaddr} endpoint when the record shows a packet for the internet
     * ({@code pktDst} external) addressed to a VPC address that no pod, node or API server held.
     */
    public void observe(int dstAddrEndpoint, int pktDstEndpoint) {
        if (endpoints.kind(pktDstEndpoint) == EndpointKind.EXTERNAL
                && endpoints.kind(dstAddrEndpoint) == EndpointKind.VPC_ADDRESS) {
            gateways.set(dstAddrEndpoint);
        }
    }

    /** Endpoints found to be gateways otherwise: v2 records joined through them ({@code NatGatewayJoin}). */
    public void addAll(BitSet endpointIds) {
        gateways.or(endpointIds);
    }

    /** The gateways' addresses, in address order. */
    public SortedSet<IpAddress> addresses() {
        SortedSet<IpAddress> out = new TreeSet<>();
        for (int e = gateways.nextSetBit(0); e >= 0; e = gateways.nextSetBit(e + 1)) {
            out.add(endpoints.ip(e));
        }
        return out;
    }
}
