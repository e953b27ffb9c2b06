package io.flowpol.samples;

import java.util.List;

/**
 * A worker node: an EC2 instance with its attached ENIs, primary ENI (eth0) first. Only the
 * primary ENI's primary IP is the node's InternalIP; pods get secondary IPs of any of them
 * (DESIGN.md fact 13).
 */
record NodePlan(String name, String uid, String zone, String subnetId, List<Eni> enis, boolean windows) {
    NodePlan {
        enis = List.copyOf(enis);
        if (enis.isEmpty()) {
            throw new IllegalArgumentException("a node has at least its primary ENI");
        }
    }

    /** The primary ENI (eth0): hostNetwork pods and SNAT-ed traffic use it. */
    Eni eni() {
        return enis.get(0);
    }

    int ip() {
        return eni().primaryIp();
    }
}
