package io.flowpol.inference.orient;

import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.resolve.EndpointResolver;
import io.flowpol.inference.resolve.Endpoints;
import io.flowpol.inference.resolve.LongIntMap;
import io.flowpol.inference.resolve.PodIndex;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.ServiceInfo;
import io.flowpol.inference.timeline.ServicePort;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which endpoint declares a port (DESIGN.md fact 7): a pod's containerPorts plus the port and
 * numeric targetPort of every Service selecting it; an API server address its endpoints port;
 * a node its kubelet port and its hostNetwork pods' ports; an ambiguous node side (fact 2) any
 * pod on the node at that time. All of it is precomputed into hash lookups (issue 7: asked
 * for both ends of every record without TCP flags, that is every v2 record).
 */
public final class PortDeclarations {
    /** The kubelet's port, listened on by every node (Kubernetes "Ports and Protocols"). */
    static final int KUBELET_PORT = 10250;

    private final EndpointResolver resolver;
    /** Keys {@link PortWindows#pack}(pod, protocol/port) of every port a pod declares. */
    private final LongIntMap podPorts = new LongIntMap(64);
    /** Per node: when some pod on it declared a port (an ambiguous node side, fact 2). */
    private final PortWindows anyPodWindows;
    /** Per node: when some hostNetwork pod on it declared a port (the node itself, fact 10). */
    private final PortWindows hostPodWindows;

    public PortDeclarations(EndpointResolver resolver, PodIndex pods, List<ServiceInfo> services) {
        this.resolver = resolver;
        Endpoints table = resolver.endpoints();
        PortWindows.Builder anyPod = new PortWindows.Builder();
        PortWindows.Builder hostPod = new PortWindows.Builder();
        List<PodSpan> all = pods.all();
        for (int p = 0; p < all.size(); p++) {
            PodSpan pod = all.get(p);
            int node = pod.node() == null ? -1 : table.nodeIndex(pod.node());
            for (int key : declared(pod, services)) {
                podPorts.put(PortWindows.pack(p, key), 1);
                if (node >= 0) {
                    anyPod.add(node, key, pod.from(), pod.to());
                    if (pod.hostNetwork()) {
                        hostPod.add(node, key, pod.from(), pod.to());
                    }
                }
            }
        }
        anyPodWindows = anyPod.build();
        hostPodWindows = hostPod.build();
    }

    private static int[] declared(PodSpan pod, List<ServiceInfo> services) {
        TreeSet<Integer> keys = new TreeSet<>();
        for (ContainerPort port : pod.ports()) {
            keys.add(key(port.protocol(), port.port()));
        }
        for (ServiceInfo service : services) {
            if (!service.namespace().equals(pod.namespace()) || !selects(service.selector(), pod.labels())) {
                continue;
            }
            for (ServicePort port : service.ports()) {
                keys.add(key(port.protocol(), port.port()));
                if (port.targetPort() > 0) {
                    keys.add(key(port.protocol(), port.targetPort()));
                }
            }
        }
        return keys.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A Service without a selector selects no pod (its endpoints are managed by hand). */
    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static int key(int protocol, int port) {
        return (protocol << 16) | port;
    }

    /** True when the endpoint (ambiguous: any pod behind its node address) declares the port at time t. */
    public boolean declares(int endpoint, boolean ambiguous, int protocol, int port, long t) {
        Endpoints table = resolver.endpoints();
        int key = key(protocol, port);
        switch (table.kind(endpoint)) {
            case POD:
                return podPorts.get(PortWindows.pack(table.pod(endpoint), key)) >= 0;
            case API_SERVER:
                return protocol == Protocol.TCP && port == resolver.apiServerPort(endpoint);
            case NODE:
                if (protocol == Protocol.TCP && port == KUBELET_PORT) {
                    return true;
                }
                return (ambiguous ? anyPodWindows : hostPodWindows).contains(table.node(endpoint), key, t);
            default:
                return false;
        }
    }
}
