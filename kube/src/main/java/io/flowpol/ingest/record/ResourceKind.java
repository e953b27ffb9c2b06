package io.flowpol.ingest.record;

/**
 * The kinds a recording holds (DESIGN.md, cluster recording contract), with the REST
 * coordinates the generic client needs. Namespaces and Nodes are cluster-scoped and always
 * recorded cluster-wide; the rest can be limited to namespaces.
 */
public enum ResourceKind {
    NAMESPACE("", "v1", "namespaces", "Namespace", false),
    NODE("", "v1", "nodes", "Node", false),
    POD("", "v1", "pods", "Pod", true),
    SERVICE("", "v1", "services", "Service", true),
    ENDPOINT_SLICE("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true),
    DEPLOYMENT("apps", "v1", "deployments", "Deployment", true),
    REPLICA_SET("apps", "v1", "replicasets", "ReplicaSet", true),
    STATEFUL_SET("apps", "v1", "statefulsets", "StatefulSet", true),
    DAEMON_SET("apps", "v1", "daemonsets", "DaemonSet", true),
    JOB("batch", "v1", "jobs", "Job", true),
    CRON_JOB("batch", "v1", "cronjobs", "CronJob", true);

    private final String group;
    private final String version;
    private final String plural;
    private final String kind;
    private final boolean namespaced;

    ResourceKind(String group, String version, String plural, String kind, boolean namespaced) {
        this.group = group;
        this.version = version;
        this.plural = plural;
        this.kind = kind;
        this.namespaced = namespaced;
    }

    /** API group, empty for the core group. */
    public String group() {
        return group;
    }

    public String version() {
        return version;
    }

    /** The resource name in URLs and RBAC rules, e.g. {@code endpointslices}. */
    public String plural() {
        return plural;
    }

    /** The {@code kind} written on every recorded object. */
    public String kind() {
        return kind;
    }

    /** The {@code apiVersion} written on every recorded object: {@code v1} or {@code group/v1}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public boolean namespaced() {
        return namespaced;
    }
}
