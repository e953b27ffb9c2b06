/**
 * Reads Kubernetes NetworkPolicy and Calico policy documents (YAML, JSON, List objects, directories)
 * into plain policy values. Every document of another kind is listed as ignored, never silently
 * dropped; malformed input names the file and the document index.
 *
 * <p>{@link io.flowpol.ingest.policy.ClusterPolicySource} reads the same documents from a live
 * cluster (for {@code flowpol diff --current cluster}); {@link io.flowpol.ingest.policy.PolicyDocuments}
 * turns documents from either source into normalised text for the structural diff.
 */
package io.flowpol.ingest.policy;
