package io.flowpol.inference.aggregate;

import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.resolve.PodIndex;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.PodSpan;

/**
 * The name of a server workload's port for an edge. Named ports are resolved per destination
 * pod (DESIGN.md fact 9), so a rule may use the name only when every pod of the workload alive
 * while the edge was seen declared that port under the same name; otherwise null (use the number).
 */
public final class PortNames {
    private final PodIndex pods;

    public PortNames(PodIndex pods) {
        this.pods = pods;
    }

    public String name(WorkloadId server, int protocol, int port, long from, long to) {
        String name = null;
        for (PodSpan pod : pods.ofWorkload(server)) {
            if (pod.hostNetwork() || !PodIndex.overlaps(pod, from, to)) {
                continue;
            }
            String declared = declaredName(pod, protocol, port);
            if (declared == null || (name != null && !name.equals(declared))) {
                return null;
            }
            name = declared;
        }
        return name;
    }

    private static String declaredName(PodSpan pod, int protocol, int port) {
        for (ContainerPort declared : pod.ports()) {
            if (declared.port() == port && declared.protocol() == protocol) {
                return declared.name();
            }
        }
        return null;
    }
}
