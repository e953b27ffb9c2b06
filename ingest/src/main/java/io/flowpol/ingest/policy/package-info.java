/**
 * Readers of policy YAML into inference's {@code policy} values. Contract: a document either
 * becomes a complete, validated policy value or the read stops with an
 * {@link io.flowpol.inference.model.InputException} naming the file, the document and the
 * field path ({@code document 2: spec.ingress[1].source.selector}), what was expected and
 * what was found (STYLE.md habit 6). Selectors are validated at read time so that evaluation
 * never meets a bad one.
 *
 * <p>{@link io.flowpol.ingest.policy.ClusterPolicySource} reads the same documents from a live
 * cluster (for {@code flowpol diff --current cluster}); {@link io.flowpol.ingest.policy.PolicyDocuments}
 * turns documents from either source into normalised text for the structural diff.
 */
package io.flowpol.ingest.policy;
