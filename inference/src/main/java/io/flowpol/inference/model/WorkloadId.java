package io.flowpol.inference.model;

/**
 * A workload: the top owner of a pod (DESIGN.md fact 9). {@code kind} is Deployment,
 * StatefulSet, DaemonSet, CronJob, Job, ReplicaSet (no Deployment above it) or Pod (bare).
 * Ordered by namespace, name, kind so output is deterministic: within a namespace by name, as a
 * reader looks a workload up (and as policy files are listed); kind only parts two workloads of
 * one name, a Deployment and a StatefulSet "web".
 */
public record WorkloadId(String namespace, String kind, String name) implements Comparable<WorkloadId> {
    public WorkloadId {
        if (namespace == null || kind == null || name == null) {
            throw new IllegalArgumentException("namespace, kind and name are required");
        }
    }

    @Override
    public int compareTo(WorkloadId o) {
        int c = namespace.compareTo(o.namespace);
        if (c == 0) {
            c = name.compareTo(o.name);
        }
        return c != 0 ? c : kind.compareTo(o.kind);
    }

    @Override
    public String toString() {
        return namespace + "/" + kind + "/" + name;
    }
}
