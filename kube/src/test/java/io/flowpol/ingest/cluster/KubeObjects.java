package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Hand-built Kubernetes objects and watch-event lines for the cluster reader's tests. */
final class KubeObjects {

    static final ObjectMapper JSON = new ObjectMapper();

    private KubeObjects() {
    }

    static ObjectNode object(String kind, String namespace, String name) {
        ObjectNode object = JSON.createObjectNode();
        object.put("apiVersion", "v1").put("kind", kind);
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        return object;
    }

    static ObjectNode labels(ObjectNode node, Map<String, String> labels) {
        ObjectNode target = node.withObjectProperty("metadata").putObject("labels");
        labels.forEach(target::put);
        return node;
    }

    static ObjectNode owned(ObjectNode object, String kind, String name) {
        ArrayNode refs = object.withObjectProperty("metadata").putArray("ownerReferences");
        refs.addObject().put("apiVersion", "apps/v1").put("kind", kind).put("name", name)
                .put("uid", "owner-" + name).put("controller", true);
        return object;
    }

    /** A scheduled, running pod with IP {@code ip} on {@code node}. */
    static ObjectNode pod(String namespace, String name, String uid, String ip, String node, Map<String, String> labels) {
        ObjectNode pod = labels(object("Pod", namespace, name), labels);
        pod.withObjectProperty("metadata").put("uid", uid);
        pod.putObject("spec").put("nodeName", node).put("serviceAccountName", "default");
        ObjectNode status = pod.putObject("status").put("phase", "Running");
        if (ip != null) {
            status.put("podIP", ip);
            status.putArray("podIPs").addObject().put("ip", ip);
        }
        return pod;
    }

    static ObjectNode selector(ObjectNode controller, Map<String, String> matchLabels) {
        ObjectNode spec = controller.withObjectProperty("spec");
        ObjectNode match = spec.putObject("selector").putObject("matchLabels");
        matchLabels.forEach(match::put);
        return controller;
    }

    static ObjectNode templateLabels(ObjectNode controller, Map<String, String> labels) {
        ObjectNode target = controller.withObjectProperty("spec").putObject("template").putObject("metadata").putObject("labels");
        labels.forEach(target::put);
        return controller;
    }

    static ObjectNode node(String name, String internalIp, String externalIp, String os) {
        ObjectNode node = labels(object("Node", null, name), Map.of("kubernetes.io/os", os));
        ArrayNode addresses = node.putObject("status").putArray("addresses");
        addresses.addObject().put("type", "InternalIP").put("address", internalIp);
        if (externalIp != null) {
            addresses.addObject().put("type", "ExternalIP").put("address", externalIp);
        }
        addresses.addObject().put("type", "Hostname").put("address", name + ".ec2.internal");
        return node;
    }

    /** One JSON Lines watch event. */
    static String event(String time, String type, ObjectNode object) {
        ObjectNode event = JSON.createObjectNode();
        event.put("time", time).put("type", type).set("object", object.deepCopy());
        return event.toString();
    }

    static Path write(Path dir, String name, List<String> lines) {
        try {
            return Files.write(dir.resolve(name), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long millis(String time) {
        return java.time.Instant.parse(time).toEpochMilli();
    }
}
