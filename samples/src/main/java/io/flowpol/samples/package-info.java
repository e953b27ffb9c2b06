/**
 * The demo scenario generator: a simulated EKS cluster over a learning window, written as
 * flowpol's inputs (a watch-event recording, VPC Flow Logs in the S3 layout in the v2 and a
 * custom v5 format, the AWS network inventory of its VPC in the AWS CLI's shapes) plus
 * {@code truth.json}, the traffic that really happened.
 *
 * <p>Contract: {@link io.flowpol.samples.ScenarioGenerator#write} is deterministic per
 * {@link io.flowpol.samples.ScenarioOptions} (byte-identical files for the same options) and
 * streams flow-log records (memory independent of their number). The records follow
 * DESIGN.md facts 1–5, 7, 8 and 11 exactly; tests and benchmarks compare flowpol's learned
 * edges with {@code truth.json}, never with hard-coded counts. Nothing here is used by the
 * flowpol pipeline itself.
 */
package io.flowpol.samples;
