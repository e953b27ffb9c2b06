/**
 * Reads a recording of the cluster (Kubernetes watch events as JSON Lines, or a
 * {@code kubectl get -o json} List snapshot) into a
 * {@link io.flowpol.inference.timeline.ClusterTimeline}: pods as time-bounded spans so that
 * a reused IP resolves to the pod that held it at the flow's time (DESIGN.md fact 6), pods
 * grouped under their top owner (fact 9), nodes and {@code default/kubernetes} endpoints for
 * the special peers (fact 10).
 *
 * <p>Contract: {@link io.flowpol.ingest.cluster.ClusterRecordingReader#read} either returns a
 * complete, deterministically sorted timeline plus warnings, or throws
 * {@link io.flowpol.inference.model.InputException} naming file:line, because a recording with
 * holes resolves IPs to the wrong workload. So does an impossible object ({@code ObjectChecks}:
 * names, labels, selectors, the namespace name label) and a line over 8 MiB
 * ({@code RecordingLines}). A pod relabeled off its controller's selector is resolved to the
 * controller that selects it, or orphaned as a workload of its own, with a warning (issue 12).
 */
package io.flowpol.ingest.cluster;
