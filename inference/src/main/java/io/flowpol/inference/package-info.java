/**
 * The inference core's entry point: {@link io.flowpol.inference.FlowInference} consumes
 * {@link io.flowpol.inference.model.FlowRecord}s of one learning window against a
 * {@link io.flowpol.inference.timeline.ClusterTimeline} and returns an
 * {@link io.flowpol.inference.model.InferenceResult}. Stages, one package each: resolve, orient,
 * aggregate (join, then count), coverage. JDK only: no I/O, no clients (STYLE.md habit 1).
 */
package io.flowpol.inference;
