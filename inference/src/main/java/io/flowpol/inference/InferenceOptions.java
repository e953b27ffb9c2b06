package io.flowpol.inference;

import io.flowpol.inference.model.Cidr;
import java.util.List;

/**
 * Settings of one inference run. {@code vpcCidrs} tell VPC addresses (load balancers, unrecorded
 * ENIs) from external ones and so decide SNAT (DESIGN.md fact 3); {@code joinHorizonMillis}
 * bounds how long the records of one connection are waited for; records starting outside
 * {@code [sinceMillis, untilMillis)} are skipped and counted. {@code summariseAbove} is how many
 * distinct VPC or external addresses one class of connections lists one by one before they are
 * summarised per network as they are counted (issue 13 item 4); 0 lists every address.
 */
public record InferenceOptions(List<Cidr> vpcCidrs, long joinHorizonMillis, long sinceMillis, long untilMillis,
                               int summariseAbove) {

    /** RFC 1918 private ranges, RFC 6598 shared space (EKS custom networking) and IPv6 ULA. */
    public static final List<Cidr> DEFAULT_VPC_CIDRS = List.of(
            Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"),
            Cidr.parse("100.64.0.0/10"), Cidr.parse("fc00::/7"));

    /** Ten minutes: well above the 60 s Nitro aggregation interval and delivery skew (fact 1). */
    public static final long DEFAULT_JOIN_HORIZON_MILLIS = 10 * 60 * 1000L;

    /** The default of {@code --internet-clients-threshold}: one class's addresses are summarised beyond it. */
    public static final int DEFAULT_SUMMARISE_ABOVE = 256;

    public InferenceOptions {
        vpcCidrs = vpcCidrs == null ? DEFAULT_VPC_CIDRS : List.copyOf(vpcCidrs);
        if (joinHorizonMillis <= 0) {
            throw new IllegalArgumentException("joinHorizonMillis <= 0: " + joinHorizonMillis);
        }
        if (untilMillis <= sinceMillis) {
            throw new IllegalArgumentException("untilMillis <= sinceMillis: " + untilMillis + " <= " + sinceMillis);
        }
        if (summariseAbove < 0) {
            throw new IllegalArgumentException("summariseAbove < 0: " + summariseAbove);
        }
    }

    public InferenceOptions(List<Cidr> vpcCidrs, long joinHorizonMillis, long sinceMillis, long untilMillis) {
        this(vpcCidrs, joinHorizonMillis, sinceMillis, untilMillis, DEFAULT_SUMMARISE_ABOVE);
    }

    /** Default CIDRs and horizon, no window filter. */
    public static InferenceOptions defaults() {
        return new InferenceOptions(DEFAULT_VPC_CIDRS, DEFAULT_JOIN_HORIZON_MILLIS, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public InferenceOptions withWindow(long since, long until) {
        return new InferenceOptions(vpcCidrs, joinHorizonMillis, since, until, summariseAbove);
    }

    public InferenceOptions withVpcCidrs(List<Cidr> cidrs) {
        return new InferenceOptions(cidrs, joinHorizonMillis, sinceMillis, untilMillis, summariseAbove);
    }

    public InferenceOptions withJoinHorizon(long millis) {
        return new InferenceOptions(vpcCidrs, millis, sinceMillis, untilMillis, summariseAbove);
    }

    public InferenceOptions withSummariseAbove(int addresses) {
        return new InferenceOptions(vpcCidrs, joinHorizonMillis, sinceMillis, untilMillis, addresses);
    }
}
