package io.flowpol.inference.diff;

/**
 * A row of what a generated policy set allows beyond the observed edges (issue 18 item 3).
 * {@code expected} names the configured exceptions that explain it (DNS to kube-dns, a SNAT
 * candidate, the API server's other addresses), or is null for a surprise a reviewer must look at.
 */
public record BeyondObserved(NewReachability reachability, String expected) {
    public static final String DNS = "DNS to kube-dns: allowed to every pod";
    public static final String SNAT = "SNAT candidate: sender not identified";
    public static final String API_SERVER = "API server: allowed at every recorded address";

    public BeyondObserved {
        if (reachability == null) {
            throw new IllegalArgumentException("reachability == null");
        }
    }

    public boolean isExpected() {
        return expected != null;
    }
}
