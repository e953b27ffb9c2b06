package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.PodSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses between a port's number and its container-port name. A named port is resolved
 * per destination pod (DESIGN.md fact 9; Kubernetes NetworkPolicyPort docs), so the name is
 * only safe when every pod of the destination workload alive during the edge declares that
 * number and protocol under that same name; one pod without it would be cut off. Anything
 * less certain gets the number, which always matches.
 */
final class PortNaming {
    private final Map<WorkloadId, List<PodSpan>> podsByWorkload = new HashMap<>();

    PortNaming(ClusterTimeline cluster) {
        for (PodSpan pod : cluster.pods()) {
            podsByWorkload.computeIfAbsent(pod.workload(), k -> new ArrayList<>()).add(pod);
        }
    }

    /** The port for a rule allowing {@code edge}, whose destination is {@code destination} (null: not a workload). */
    NetworkPolicyPort port(Edge edge, WorkloadId destination) {
        String name = destination == null ? null : commonName(edge, destination);
        return name == null ? NetworkPolicyPort.number(edge.protocol(), edge.port())
                : NetworkPolicyPort.named(edge.protocol(), name);
    }

    private String commonName(Edge edge, WorkloadId destination) {
        Evidence evidence = edge.evidence();
        String name = null;
        boolean anyPod = false;
        for (PodSpan pod : podsByWorkload.getOrDefault(destination, List.of())) {
            if (evidence != null && !(pod.from() <= evidence.lastSeen() && pod.to() > evidence.firstSeen())) {
                continue;
            }
            String declared = declaredName(pod, edge.protocol(), edge.port());
            if (declared == null || (name != null && !name.equals(declared))) {
                return null;
            }
            name = declared;
            anyPod = true;
        }
        return anyPod ? name : null;
    }

    private static String declaredName(PodSpan pod, int protocol, int port) {
        for (ContainerPort declared : pod.ports()) {
            if (declared.port() == port && sameProtocol(declared.protocol(), protocol) && declared.name() != null
                    && !declared.name().isEmpty()) {
                return declared.name();
            }
        }
        return null;
    }

    /** Kubernetes defaults an unset containerPort protocol to TCP; a reader may leave it 0. */
    private static boolean sameProtocol(int declared, int observed) {
        return declared == observed || (declared == 0 && observed == Protocol.TCP);
    }
}
