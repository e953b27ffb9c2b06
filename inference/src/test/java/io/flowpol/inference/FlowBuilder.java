package io.flowpol.inference;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;

/** Fills {@link FlowRecord}s field by field, as a parser would; v2 fields unless told otherwise. */
public final class FlowBuilder {
    private final FlowRecord r = new FlowRecord();

    private FlowBuilder(String eni, String src, int srcPort, String dst, int dstPort, int minute) {
        r.clear();
        r.version = 2;
        r.interfaceId = eni.hashCode() * 0x9E3779B97F4A7C15L;
        r.hasInterfaceId = true;
        IpAddress s = IpAddress.parse(src);
        IpAddress d = IpAddress.parse(dst);
        r.srcHi = s.hi();
        r.srcLo = s.lo();
        r.hasSrcAddr = true;
        r.dstHi = d.hi();
        r.dstLo = d.lo();
        r.hasDstAddr = true;
        r.srcPort = srcPort;
        r.dstPort = dstPort;
        r.protocol = Protocol.TCP;
        r.packets = 10;
        r.bytes = 1000;
        r.startMillis = ClusterBuilder.at(minute);
        r.endMillis = r.startMillis + 59_000;
        r.action = FlowRecord.ACTION_ACCEPT;
        r.logStatus = FlowRecord.STATUS_OK;
    }

    /** A TCP record captured at {@code eni}, at {@code minute} after T0. */
    public static FlowBuilder tcp(String eni, String src, int srcPort, String dst, int dstPort, int minute) {
        return new FlowBuilder(eni, src, srcPort, dst, dstPort, minute);
    }

    public FlowBuilder protocol(int protocol) {
        r.protocol = protocol;
        return this;
    }

    public FlowBuilder pkt(String src, String dst) {
        IpAddress s = IpAddress.parse(src);
        IpAddress d = IpAddress.parse(dst);
        r.pktSrcHi = s.hi();
        r.pktSrcLo = s.lo();
        r.hasPktSrcAddr = true;
        r.pktDstHi = d.hi();
        r.pktDstLo = d.lo();
        r.hasPktDstAddr = true;
        return this;
    }

    public FlowBuilder flags(int flags) {
        r.tcpFlags = flags;
        return this;
    }

    public FlowBuilder packets(long packets, long bytes) {
        r.packets = packets;
        r.bytes = bytes;
        return this;
    }

    public FlowBuilder reject() {
        r.action = FlowRecord.ACTION_REJECT;
        return this;
    }

    public FlowBuilder status(byte status) {
        r.logStatus = status;
        return this;
    }

    public FlowRecord record() {
        return r;
    }

    /** Feeds the record to the sink through a shared cursor, as a parser does. */
    public void into(FlowInference inference, FlowRecord cursor) {
        cursor.copyFrom(r);
        inference.accept(cursor);
    }
}
