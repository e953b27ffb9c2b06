package io.flowpol.inference.model;


/** Two workloads, {@code a < b}. */
public record WorkloadPair(WorkloadId a, WorkloadId b) {
    public WorkloadPair {
        if (a.compareTo(b) > 0) {
            WorkloadId t = a;
            a = b;
            b = t;
        }
    }
}
