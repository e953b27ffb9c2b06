package io.flowpol.inference.resolve;

/** What an address was at a given time (DESIGN.md facts 2, 3, 10). */
public enum EndpointKind {
    /** A non-hostNetwork pod: its workload is the peer. */
    POD,
    /** A node address: the node itself, a hostNetwork pod, or (v2, fact 2) a pod on that node. */
    NODE,
    /** An address of the {@code default/kubernetes} endpoints. */
    API_SERVER,
    /** Inside the VPC CIDRs but no pod, node or API server held it then. */
    VPC_ADDRESS,
    /** Outside the VPC CIDRs. */
    EXTERNAL
}
