/**
 * Reads policy files (YAML, multi-document, JSON, {@code List} objects, directories) into
 * {@link io.flowpol.inference.policy.PolicySet}. Every document of a kind this package does not
 * turn into a policy is reported as an {@link io.flowpol.ingest.policy.IgnoredDocument}, never
 * dropped silently; malformed input is an {@link io.flowpol.inference.model.InputException}
 * naming the file, the document (1-based) and the field path.
 */
package io.flowpol.ingest.policy;
