/**
 * Reads Kubernetes NetworkPolicy and Calico policy documents (YAML, JSON, List objects, directories)
 * into plain policy values. Every document of another kind is listed as ignored, never silently
 * dropped; malformed input names the file and the document index.
 */
package io.flowpol.ingest.policy;
