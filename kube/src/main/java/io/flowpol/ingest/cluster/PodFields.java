package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reading the networking fields of a Pod object (core/v1 PodSpec and PodStatus). */
final class PodFields {

    private PodFields() {
    }

    /**
     * {@code status.podIPs} (dual-stack, Kubernetes 1.16+), else {@code status.podIP}, else for a
     * hostNetwork pod its {@code status.hostIPs}/{@code hostIP}. A bad
     * address is fatal: the pod's flows would otherwise resolve to nothing or to another pod.
     */
    static List<IpAddress> ips(WatchEvent event) {
        Set<IpAddress> ips = new LinkedHashSet<>();
        for (JsonNode entry : KubeJson.array(event.object(), "status", "podIPs")) {
            add(ips, KubeJson.text(entry, "ip"), event, "status.podIPs");
        }
        if (ips.isEmpty()) {
            add(ips, KubeJson.text(event.object(), "status", "podIP"), event, "status.podIP");
        }
        if (ips.isEmpty() && event.object().path("spec").path("hostNetwork").asBoolean(false)) {
            // A hostNetwork pod's address is its node's (fact 10); podIP mirrors hostIP anyway.
            for (JsonNode entry : KubeJson.array(event.object(), "status", "hostIPs")) {
                add(ips, KubeJson.text(entry, "ip"), event, "status.hostIPs");
            }
            if (ips.isEmpty()) {
                add(ips, KubeJson.text(event.object(), "status", "hostIP"), event, "status.hostIP");
            }
        }
        return List.copyOf(ips);
    }

    static void add(Set<IpAddress> ips, String text, WatchEvent event, String field) {
        if (text == null || text.isEmpty()) {
            return;
        }
        try {
            ips.add(IpAddress.parse(text));
        } catch (IllegalArgumentException e) {
            throw RecordingFileParser.fail(event.file(), event.line(), field, "an IP address", text);
        }
    }

    /**
     * Declared ports of all containers, init containers included (restartable init
     * containers, i.e. sidecars, serve traffic). Protocol defaults to TCP as in the API.
     */
    static List<ContainerPort> ports(JsonNode pod) {
        Set<ContainerPort> ports = new LinkedHashSet<>();
        for (String containers : List.of("containers", "initContainers")) {
            for (JsonNode container : KubeJson.array(pod, "spec", containers)) {
                for (JsonNode port : KubeJson.array(container, "ports")) {
                    int number = port.path("containerPort").asInt(0);
                    if (number <= 0) {
                        continue;
                    }
                    String protocol = KubeJson.text(port, "protocol");
                    int iana = protocol == null ? Protocol.TCP : Protocol.parse(protocol);
                    ports.add(new ContainerPort(KubeJson.text(port, "name"), number, iana < 0 ? Protocol.TCP : iana));
                }
            }
        }
        return new ArrayList<>(ports);
    }

    /**
     * The OS the pod runs on: its node's {@code kubernetes.io/os} label, else the pod's
     * {@code spec.os.name}, else its nodeSelector; null when unknown. Windows pods matter
     * because Calico policies do not cover Windows nodes (DESIGN.md seed practices).
     */
    static String os(JsonNode pod, String nodeOs) {
        if (nodeOs != null) {
            return nodeOs;
        }
        String declared = KubeJson.text(pod, "spec", "os", "name");
        return declared != null ? declared : KubeJson.text(pod, "spec", "nodeSelector", "kubernetes.io/os");
    }
}
