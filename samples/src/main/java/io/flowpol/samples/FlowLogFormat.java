package io.flowpol.samples;

/** The two flow-log formats the scenario is delivered in (DESIGN.md fact 8). */
final class FlowLogFormat {
    static final String V2_HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end"
                    + " action log-status";
    static final String V5_HEADER = V2_HEADER
            + " vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr flow-direction traffic-path";

    private FlowLogFormat() {
    }

    /** The LogFormat string a user passes to {@code --flow-log-format} for the v5 files. */
    static String v5LogFormat() {
        StringBuilder out = new StringBuilder();
        for (String field : V5_HEADER.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append("${").append(field).append('}');
        }
        return out.toString();
    }
}
