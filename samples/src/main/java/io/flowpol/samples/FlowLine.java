package io.flowpol.samples;

/**
 * One flow-log record being written: a reused cursor, as the simulator may write millions.
 * {@code src}/{@code dst} are what the capturing ENI reports (its primary IP on its own
 * side, DESIGN.md fact 2); {@code pktSrc}/{@code pktDst} the packet's real addresses.
 */
final class FlowLine {
    static final int TCP = 6;
    static final int UDP = 17;
    static final int FIN = 1;
    static final int SYN = 2;
    static final int SYN_ACK = 18;

    Eni eni;
    int src;
    int dst;
    int srcPort;
    int dstPort;
    int protocol;
    long packets;
    long bytes;
    long start;
    long end;
    boolean accept;
    int tcpFlags;
    int pktSrc;
    int pktDst;
    boolean egress;

    /** v2 default format (DESIGN.md fact 8). */
    void appendV2(StringBuilder out, String account) {
        out.append("2 ").append(account).append(' ').append(eni.id()).append(' ');
        appendFlow(out);
        out.append('\n');
    }

    /** The custom v5 format of {@link FlowLogFormat#V5_HEADER}. */
    void appendV5(StringBuilder out, String account, String vpcId) {
        out.append("5 ").append(account).append(' ').append(eni.id()).append(' ');
        appendFlow(out);
        out.append(' ').append(vpcId).append(' ').append(eni.subnetId()).append(' ').append(eni.instanceId())
                .append(' ').append(protocol == TCP ? tcpFlags : 0).append(" IPv4 ").append(Ids.ip(pktSrc))
                .append(' ').append(Ids.ip(pktDst)).append(' ').append(egress ? "egress" : "ingress")
                // traffic-path is set for egress only; 1 = through a resource in the VPC, which
                // includes the NAT gateway that carries SNAT-ed egress from private subnets.
                .append(' ').append(egress ? "1" : "-").append('\n');
    }

    private void appendFlow(StringBuilder out) {
        out.append(Ids.ip(src)).append(' ').append(Ids.ip(dst)).append(' ').append(srcPort).append(' ')
                .append(dstPort).append(' ').append(protocol).append(' ').append(packets).append(' ').append(bytes)
                .append(' ').append(start).append(' ').append(end).append(' ')
                .append(accept ? "ACCEPT" : "REJECT").append(" OK");
    }

    /** A NODATA or SKIPDATA record: no flow fields, only the ENI and the interval. */
    static void appendStatus(StringBuilder out, int version, String account, Eni eni, long start, long end,
            String status, String v5Tail) {
        out.append(version).append(' ').append(account).append(' ').append(eni.id())
                .append(" - - - - - - - ").append(start).append(' ').append(end).append(" - ").append(status);
        if (v5Tail != null) {
            out.append(' ').append(v5Tail).append(' ').append(eni.subnetId()).append(' ').append(eni.instanceId())
                    .append(" - - - - - -");
        }
        out.append('\n');
    }
}
