package io.flowpol.inference.orient;

import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.resolve.UnresolvedReason;

/**
 * One accepted record after resolution and orientation: a reused mutable cursor, like
 * {@link io.flowpol.inference.model.FlowRecord}, so the hot loop allocates nothing. An end is
 * {@code exact} when its address was the packet's real address, else it is a node address that
 * may stand for any pod on that node (DESIGN.md fact 2).
 */
public final class OrientedRecord {
    public int protocol;
    public int clientPort;
    public int serverPort;
    public int clientEndpoint;
    public boolean clientExact;
    public UnresolvedReason clientReason;
    public int serverEndpoint;
    public boolean serverExact;
    public UnresolvedReason serverReason;
    /** True when the record's source is the server: a reply-direction record. */
    public boolean reply;
    public long interfaceId;
    public long packets;
    public long bytes;
    public long startMillis;
    public long endMillis;
    /** TCP flags of the record, -1 when absent. */
    public int tcpFlags;
    public DirectionProof proof;
    /**
     * True when both ends came from {@code pkt-srcaddr}/{@code pkt-dstaddr}: nothing needs joining
     * across ENIs, so the record is keyed on its exact ends rather than on their nodes.
     */
    public boolean packetAddresses;
}
