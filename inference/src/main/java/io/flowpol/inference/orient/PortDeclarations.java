package io.flowpol.inference.orient;

import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.resolve.EndpointResolver;
import io.flowpol.inference.resolve.Endpoints;
import io.flowpol.inference.resolve.PodIndex;
import io.flowpol.inference.timeline.ContainerPort;
import io.flowpol.inference.timeline.PodSpan;
import io.flowpol.inference.timeline.ServiceInfo;
import io.flowpol.inference.timeline.ServicePort;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which endpoint declares a port (DESIGN.md fact 7): a pod's containerPorts plus the port and
 * numeric targetPort of every Service selecting it; an API server address its endpoints port;
 * a node its kubelet port and its hostNetwork pods' ports; an ambiguous node side (fact 2) any
 * pod on the node at that time.
 */
public final class PortDeclarations {
    /** The kubelet's port, listened on by every node (Kubernetes "Ports and Protocols"). */
    static final int KUBELET_PORT = 10250;

    private final EndpointResolver resolver;
    private final PodIndex pods;
    private final int[][] declaredByPod;
    private final int[][] podsByNode;

    public PortDeclarations(EndpointResolver resolver, PodIndex pods, List<ServiceInfo> services) {
        this.resolver = resolver;
        this.pods = pods;
        List<PodSpan> all = pods.all();
        declaredByPod = new int[all.size()][];
        for (int p = 0; p < all.size(); p++) {
            declaredByPod[p] = declared(all.get(p), services);
        }
        Endpoints table = resolver.endpoints();
        int[] counts = new int[table.nodeCount()];
        for (PodSpan pod : all) {
            if (pod.node() != null) {
                counts[table.nodeIndex(pod.node())]++;
            }
        }
        podsByNode = new int[counts.length][];
        for (int n = 0; n < counts.length; n++) {
            podsByNode[n] = new int[counts[n]];
            counts[n] = 0;
        }
        for (int p = 0; p < all.size(); p++) {
            if (all.get(p).node() != null) {
                int n = table.nodeIndex(all.get(p).node());
                podsByNode[n][counts[n]++] = p;
            }
        }
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
                return Arrays.binarySearch(declaredByPod[table.pod(endpoint)], key) >= 0;
            case API_SERVER:
                return protocol == Protocol.TCP && port == resolver.apiServerPort(endpoint);
            case NODE:
                if (protocol == Protocol.TCP && port == KUBELET_PORT) {
                    return true;
                }
                return nodePodDeclares(table.node(endpoint), ambiguous, key, t);
            default:
                return false;
        }
    }

    private boolean nodePodDeclares(int node, boolean ambiguous, int key, long t) {
        List<PodSpan> all = pods.all();
        for (int p : podsByNode[node]) {
            PodSpan pod = all.get(p);
            if ((ambiguous || pod.hostNetwork()) && pod.aliveAt(t)
                    && Arrays.binarySearch(declaredByPod[p], key) >= 0) {
                return true;
            }
        }
        return false;
    }
}
