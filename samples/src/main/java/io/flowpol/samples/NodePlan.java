package io.flowpol.samples;

/** A worker node: an EC2 instance whose primary ENI's primary IP is the node's InternalIP. */
record NodePlan(String name, String uid, String zone, String subnetId, Eni eni, boolean windows) {
    int ip() {
        return eni.primaryIp();
    }
}
