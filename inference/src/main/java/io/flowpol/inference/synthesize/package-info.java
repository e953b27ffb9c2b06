/**
 * Turns what inference learned ({@code InferenceResult}) and the cluster recording
 * ({@code ClusterTimeline}) into least-privilege policies: one Kubernetes NetworkPolicy per
 * observed workload, a default deny per namespace (DNS excepted), and Calico
 * GlobalNetworkPolicies that guard the kubelet port, the instance metadata service and the
 * API server, plus one that allows the observed flows of protocols NetworkPolicy cannot express
 * (ICMP, GRE, ...). Attempts (DESIGN.md fact 11) and SNAT-hidden egress (fact 3) never become
 * rules. Edges left out on purpose (too few connections, inexpressible) are returned, so the
 * safety replay skips them and the report lists them. Output is deterministic: the same input gives equal policies in equal order, and
 * every rule keeps the edges it came from so that the rendering can cite its evidence.
 */
package io.flowpol.inference.synthesize;
