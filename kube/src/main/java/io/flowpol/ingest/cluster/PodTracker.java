package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the events of each pod into the intervals during which it held its IPs on its node
 * (DESIGN.md fact 6). A span opens when the pod is first seen with an IP and a node, and ends
 * at its DELETED event, when its phase turns Succeeded or Failed (the kubelet tears the
 * sandbox down and the CNI releases the IP, so it may be reused before the object is deleted),
 * or when its IP, node, labels or controller change, which opens the next span.
 */
final class PodTracker {

    /** A closed interval of one pod; {@code object} is the pod's last state within it. */
    record Piece(JsonNode object, List<IpAddress> ips, String node, boolean hostNetwork, long from, long to) {
    }

    private static final class Open {
        final String key;
        final List<IpAddress> ips;
        final String node;
        final boolean hostNetwork;
        final long from;
        JsonNode object;

        Open(String key, JsonNode object, List<IpAddress> ips, String node, long from) {
            this.key = key;
            this.object = object;
            this.ips = ips;
            this.node = node;
            this.hostNetwork = object.path("spec").path("hostNetwork").asBoolean(false);
            this.from = from;
        }
    }

    private final Map<String, Open> open = new HashMap<>();
    /** Which open span holds a pod IP; hostNetwork pods share their node's IP and are not in it. */
    private final Map<IpAddress, Open> holders = new HashMap<>();
    private final List<Piece> pieces = new ArrayList<>();
    private final List<InputProblem> warnings;

    PodTracker(List<InputProblem> warnings) {
        this.warnings = warnings;
    }

    void apply(WatchEvent event) {
        JsonNode pod = event.object();
        String uid = KubeJson.text(pod, "metadata", "uid");
        String key = uid != null ? uid : event.namespace() + "/" + event.name();
        List<IpAddress> ips = PodFields.ips(event);
        String node = KubeJson.text(pod, "spec", "nodeName");
        String phase = KubeJson.text(pod, "status", "phase");
        boolean holds = !event.deleted() && !"Succeeded".equals(phase) && !"Failed".equals(phase)
                && !ips.isEmpty() && node != null;
        Open current = open.get(key);
        if (current != null) {
            boolean sameIdentity = sameIdentity(current.object, pod);
            if (holds && current.ips.equals(ips) && current.node.equals(node) && sameIdentity) {
                current.object = pod;
                return;
            }
            if (sameIdentity) {
                current.object = pod;
            }
            close(current, event.time());
        }
        if (holds) {
            start(new Open(key, pod, ips, node, event.time()), event);
        }
    }

    private void start(Open span, WatchEvent event) {
        open.put(span.key, span);
        if (span.hostNetwork) {
            return;
        }
        for (IpAddress ip : span.ips) {
            Open previous = holders.put(ip, span);
            if (previous != null && previous != span && !previous.hostNetwork && open.get(previous.key) == previous) {
                // Two pods never hold one VPC CNI address at once: the earlier pod's end is
                // missing from the recording (a lost DELETED event). End it here.
                warnings.add(new InputProblem(event.file(), event.line(), "status.podIP",
                        null, "pod " + name(previous.object) + " still held " + ip + " when " + name(span.object)
                        + " got it; its end is missing from the recording, ending it here",
                        Finding.Severity.INFO));
                close(previous, event.time());
            }
        }
    }

    private void close(Open span, long to) {
        open.remove(span.key);
        for (IpAddress ip : span.ips) {
            holders.remove(ip, span);
        }
        if (to > span.from) {
            pieces.add(new Piece(span.object, span.ips, span.node, span.hostNetwork, span.from, to));
        }
    }

    /** All intervals, those still open ending at {@link Long#MAX_VALUE} (alive at the end). */
    List<Piece> finish() {
        List<Open> alive = new ArrayList<>(open.values());
        alive.forEach(span -> close(span, Long.MAX_VALUE));
        return List.copyOf(pieces);
    }

    /**
     * Whether a pod still has the labels and controller it had: a relabeled pod (someone moves
     * it out of its Deployment to debug it) is selected by other policies from then on, so its
     * span ends there and the next one resolves on its own (issue 12, item 7).
     */
    private static boolean sameIdentity(JsonNode before, JsonNode after) {
        return KubeJson.at(before, "metadata", "labels").equals(KubeJson.at(after, "metadata", "labels"))
                && Objects.equals(KubeJson.controller(before), KubeJson.controller(after));
    }

    private static String name(JsonNode pod) {
        return KubeJson.text(pod, "metadata", "namespace") + "/" + KubeJson.text(pod, "metadata", "name");
    }
}
