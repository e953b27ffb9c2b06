package io.flowpol.samples;

import java.time.Instant;
import java.util.Map;

/**
 * An intermediate controller that owns pods directly: a ReplicaSet of a Deployment or a Job
 * of a CronJob (for StatefulSets and DaemonSets the workload is the owner). {@code podLabels}
 * are what it adds to its pods beyond the workload selector ({@code pod-template-hash},
 * {@code batch.kubernetes.io/controller-uid}). {@code retired} is when a ReplicaSet was
 * scaled to zero or a Job completed; {@code deleted} when the object went away; both null
 * if it outlives the window.
 */
record OwnerPlan(String kind, String name, String uid, WorkloadPlan workload, Map<String, String> podLabels,
        int replicas, Instant created, Instant retired, Instant deleted) {
    OwnerPlan {
        podLabels = Map.copyOf(podLabels);
    }
}
