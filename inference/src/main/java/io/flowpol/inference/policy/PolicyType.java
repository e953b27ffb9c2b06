package io.flowpol.inference.policy;

/** The two directions a policy may govern (NetworkPolicy policyTypes, Calico types). */
public enum PolicyType { INGRESS, EGRESS }
