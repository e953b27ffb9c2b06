package io.flowpol.samples;

/**
 * One end of a simulated connection: {@code name} is the pod (or address) itself, {@code peer} is its identity in {@code truth.json}
 * (a workload key, {@code apiserver}, {@code loadbalancer:<ns>/<svc>}, {@code external:<ip>});
 * {@code ip} is the address in its packets before any SNAT; {@code eni} is where the VPC
 * captures its traffic (null outside the VPC); {@code node} is set for pods, whose traffic
 * to a pod of the same node never reaches an ENI (DESIGN.md fact 4).
 */
record Endpoint(String name, String peer, String peerKind, int ip, Eni eni, NodePlan node, boolean hostNetwork) {

    static Endpoint of(PodPlan pod) {
        return new Endpoint(pod.name(), pod.workload().key(), "workload", pod.ip(), pod.eni() != null ? pod.eni() : pod.node().eni(), pod.node(),
                pod.workload().hostNetwork());
    }

    static Endpoint external(int ip) {
        return new Endpoint(Ids.ip(ip), "external:" + Ids.ip(ip), "external", ip, null, null, false);
    }

    /** Pods and hostNetwork pods can SNAT; the VPC CNI applies it to pod IPs only. */
    boolean isPod() {
        return node != null && !hostNetwork;
    }
}
