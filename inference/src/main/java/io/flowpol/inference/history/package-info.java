/**
 * What {@code flowpol learn} remembers between learning windows (issue 4 §2), JDK only: the
 * union of the edges, attempts and SNAT egress of every window, each edge with its first and
 * last seen, plus what synthesis needs of workloads that a later recording may no longer show
 * (selector, pod labels, declared container ports). {@link StateMerger} adds one window,
 * {@link Forgetting} drops edges unseen for too long, {@link RememberedCluster} and
 * {@link MergedResult} turn the state back into the {@code (InferenceResult, ClusterTimeline)}
 * pair that synthesis and the self-check replay take. Storage is an adapter in ingest.
 */
package io.flowpol.inference.history;
