package io.flowpol.ingest.policy;

/**
 * Where a cluster's Calico policies were read from: the Calico API server
 * ({@code projectcalico.org/v3}, an aggregated API), the CRDs it stores them in
 * ({@code crd.projectcalico.org/v1}, when no API server is installed), or nowhere because the
 * cluster serves neither group (Calico is not installed: only Kubernetes policies are in force).
 */
public enum CalicoSource {
    API_SERVER("projectcalico.org", "v3"),
    CRDS("crd.projectcalico.org", "v1"),
    NOT_INSTALLED(null, null);

    private final String group;
    private final String version;

    CalicoSource(String group, String version) {
        this.group = group;
        this.version = version;
    }

    public String group() {
        return group;
    }

    public String version() {
        return version;
    }

    /** {@code group/version}, or null when not installed. */
    public String apiVersion() {
        return group == null ? null : group + "/" + version;
    }
}
