package io.flowpol.inference.model;

/**
 * One flow-log record, as the parser fills it.
 *
 * <p>Deliberately a mutable, reused cursor and not a record: ingest sees billions of
 * records, and one allocation per record would dominate the hot loop (STYLE.md habit 5).
 * A parser owns one instance, overwrites it for every line and hands it to a
 * {@link FlowSink}; a sink that keeps anything must copy the primitives it needs
 * before returning. Fields whose value was absent from the format or was {@code -}
 * hold the {@code NONE}/{@code -1} sentinel and their {@code has*} flag is false.
 *
 * <p>Times are epoch milliseconds (flow logs carry seconds; the recording carries
 * sub-second RFC 3339 times, and both must share one axis for IP reuse, DESIGN.md fact 6).
 */
public final class FlowRecord {
    public static final byte ACTION_NONE = 0;
    public static final byte ACTION_ACCEPT = 1;
    public static final byte ACTION_REJECT = 2;

    public static final byte STATUS_NONE = 0;
    public static final byte STATUS_OK = 1;
    public static final byte STATUS_NODATA = 2;
    public static final byte STATUS_SKIPDATA = 3;

    public static final byte DIRECTION_NONE = 0;
    public static final byte DIRECTION_INGRESS = 1;
    public static final byte DIRECTION_EGRESS = 2;

    /** Index of the input (file, log stream) in the reader's source table; for error messages. */
    public int sourceId;
    /** 1-based line (or event) number within that source. */
    public long line;

    public int version = -1;
    /** A 64-bit hash of interface-id ({@code eni-...}); 0 when absent. Tells the two ends' ENIs apart. */
    public long interfaceId;
    public boolean hasInterfaceId;

    public long srcHi;
    public long srcLo;
    public boolean hasSrcAddr;
    public long dstHi;
    public long dstLo;
    public boolean hasDstAddr;
    public int srcPort = -1;
    public int dstPort = -1;
    public int protocol = -1;
    public long packets = -1;
    public long bytes = -1;
    public long startMillis = -1;
    public long endMillis = -1;
    public byte action;
    public byte logStatus;

    /** OR of FIN=1, SYN=2, RST=4, SYN-ACK=18 over the aggregation interval; -1 when absent. */
    public int tcpFlags = -1;
    public long pktSrcHi;
    public long pktSrcLo;
    public boolean hasPktSrcAddr;
    public long pktDstHi;
    public long pktDstLo;
    public boolean hasPktDstAddr;
    public byte flowDirection;
    /** AWS traffic-path code (1-8); -1 when absent. */
    public int trafficPath = -1;

    /** Resets every field to absent; the parser calls it before filling a line. */
    public void clear() {
        sourceId = 0;
        line = 0;
        version = -1;
        interfaceId = 0;
        hasInterfaceId = false;
        srcHi = srcLo = dstHi = dstLo = 0;
        hasSrcAddr = hasDstAddr = false;
        srcPort = dstPort = protocol = -1;
        packets = bytes = -1;
        startMillis = endMillis = -1;
        action = ACTION_NONE;
        logStatus = STATUS_NONE;
        tcpFlags = -1;
        pktSrcHi = pktSrcLo = pktDstHi = pktDstLo = 0;
        hasPktSrcAddr = hasPktDstAddr = false;
        flowDirection = DIRECTION_NONE;
        trafficPath = -1;
    }

    /** Copies every field of {@code other} into this cursor. */
    public void copyFrom(FlowRecord other) {
        sourceId = other.sourceId;
        line = other.line;
        version = other.version;
        interfaceId = other.interfaceId;
        hasInterfaceId = other.hasInterfaceId;
        srcHi = other.srcHi;
        srcLo = other.srcLo;
        hasSrcAddr = other.hasSrcAddr;
        dstHi = other.dstHi;
        dstLo = other.dstLo;
        hasDstAddr = other.hasDstAddr;
        srcPort = other.srcPort;
        dstPort = other.dstPort;
        protocol = other.protocol;
        packets = other.packets;
        bytes = other.bytes;
        startMillis = other.startMillis;
        endMillis = other.endMillis;
        action = other.action;
        logStatus = other.logStatus;
        tcpFlags = other.tcpFlags;
        pktSrcHi = other.pktSrcHi;
        pktSrcLo = other.pktSrcLo;
        hasPktSrcAddr = other.hasPktSrcAddr;
        pktDstHi = other.pktDstHi;
        pktDstLo = other.pktDstLo;
        hasPktDstAddr = other.hasPktDstAddr;
        flowDirection = other.flowDirection;
        trafficPath = other.trafficPath;
    }

    @Override
    public String toString() {
        return "FlowRecord[" + (hasSrcAddr ? new IpAddress(srcHi, srcLo) : "-") + ":" + srcPort
                + " -> " + (hasDstAddr ? new IpAddress(dstHi, dstLo) : "-") + ":" + dstPort
                + " proto=" + protocol + " start=" + startMillis + " action=" + action
                + " status=" + logStatus + " flags=" + tcpFlags + "]";
    }
}
