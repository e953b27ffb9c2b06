package io.flowpol.samples;

/**
 * An elastic network interface in the VPC: what a flow-log record is captured at. Its
 * primary IP is what {@code srcaddr}/{@code dstaddr} show on the capturing side
 * (DESIGN.md fact 2); {@code instanceId} is {@code "-"} for ENIs no instance of ours owns
 * (the EKS control plane's cross-account ENIs, a load balancer's).
 */
record Eni(String id, int primaryIp, String subnetId, String instanceId) {
    Eni {
        if (id == null || subnetId == null || instanceId == null) {
            throw new IllegalArgumentException("id, subnetId and instanceId are required");
        }
    }
}
