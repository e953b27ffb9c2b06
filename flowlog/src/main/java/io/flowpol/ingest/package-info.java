/**
 * The ingest packages: adapters that read flowpol's inputs into the plain values of
 * {@code inference} — flow logs from files, S3 and CloudWatch Logs into the reused
 * {@link io.flowpol.inference.model.FlowRecord} cursor ({@code flowlog}, {@code s3},
 * {@code cloudwatch}, {@code aws}), the cluster recording into a
 * {@link io.flowpol.inference.timeline.ClusterTimeline} ({@code cluster}) and its live
 * recording ({@code record}), policy documents ({@code policy}) and learned state
 * ({@code state}). The packages live in three modules by source (issue 17): {@code flowlog/}
 * ({@code flowlog}, JDK only), {@code kube/} ({@code cluster}, {@code record}, {@code policy},
 * {@code state}, the inventory's JSON) and {@code aws/} ({@code aws}, {@code s3},
 * {@code cloudwatch}, the EC2 side of {@code inventory}). Bad input is an {@link io.flowpol.inference.model.InputException} naming
 * file and line; nothing here infers, synthesizes or renders.
 */
package io.flowpol.ingest;
