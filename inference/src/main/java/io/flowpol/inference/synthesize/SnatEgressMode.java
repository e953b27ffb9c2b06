package io.flowpol.inference.synthesize;

/** What synthesis makes of egress hidden by SNAT (DESIGN.md fact 3; {@code --snat-egress}). */
public enum SnatEgressMode {
    /** Every time-resolved candidate of the destination may reach it: never cuts traffic. */
    ALLOW_CANDIDATES("allow-candidates"),
    /**
     * The certain workloads plus the common candidates, or every candidate where no workload is
     * common; cuts a second sender whose pods always shared nodes with the first (issue 14 item 3).
     */
    COMMON_CANDIDATES("common-candidates"),
    /** No rule; the report lists the egress. */
    REPORT_ONLY("report-only");

    private final String flag;

    SnatEgressMode(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    /** The mode named {@code flag}, or null. */
    public static SnatEgressMode ofFlag(String flag) {
        for (SnatEgressMode mode : values()) {
            if (mode.flag.equals(flag)) {
                return mode;
            }
        }
        return null;
    }
}
