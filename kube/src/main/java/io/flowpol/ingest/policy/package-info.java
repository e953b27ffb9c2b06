/**
 * Reads Kubernetes NetworkPolicy and Calico policy documents (YAML, JSON, List objects, directories)
 * into plain policy values. Every document of another kind is listed as ignored, never silently
 * dropped; malformed input names the file and the document index. Files are read one document at
 * a time and only policy values are kept ({@link io.flowpol.ingest.policy.PolicyReader}); unknown
 * fields and repeated keys of the files' policies are warnings (GitHub issue 12).
 *
 * <p>{@link io.flowpol.ingest.policy.ClusterPolicySource} reads the same documents from a live
 * cluster (for {@code flowpol diff --current cluster}); {@link io.flowpol.ingest.policy.PolicyDocuments}
 * turns documents from either source into normalised text for the structural diff.
 */
package io.flowpol.ingest.policy;
