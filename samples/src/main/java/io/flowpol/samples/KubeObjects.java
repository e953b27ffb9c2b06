package io.flowpol.samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the Kubernetes objects of the recording as the API server serialises them:
 * {@code apiVersion}, {@code kind}, {@code metadata} (uid, labels, controller
 * ownerReferences), {@code spec} and {@code status}. Labels are written sorted so the
 * output is byte-stable.
 */
final class KubeObjects {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String IMAGE_REPO = "public.ecr.aws/flowpol-demo/";
    static final String OLD_TAG = "1.4.2";
    static final String NEW_TAG = "1.5.0";

    private final ClusterPlan plan;

    KubeObjects(ClusterPlan plan) {
        this.plan = plan;
    }

    ObjectNode namespace(String name, String uid, Instant created) {
        ObjectNode o = object("v1", "Namespace", name, null, uid, created, Map.of("kubernetes.io/metadata.name", name));
        o.putObject("spec").putArray("finalizers").add("kubernetes");
        o.putObject("status").put("phase", "Active");
        return o;
    }

    ObjectNode node(NodePlan n, Instant created) {
        Map<String, String> labels = new TreeMap<>();
        labels.put("kubernetes.io/os", n.windows() ? "windows" : "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("kubernetes.io/hostname", n.name());
        labels.put("topology.kubernetes.io/zone", n.zone());
        labels.put("topology.kubernetes.io/region", plan.region());
        labels.put("node.kubernetes.io/instance-type", n.windows() ? "m5.xlarge" : "m5.large");
        labels.put("eks.amazonaws.com/nodegroup", n.windows() ? "windows" : "general");
        ObjectNode o = object("v1", "Node", n.name(), null, n.uid(), created, labels);
        o.putObject("spec").put("providerID", "aws:///" + n.zone() + "/" + n.eni().instanceId());
        ObjectNode status = o.putObject("status");
        ArrayNode addresses = status.putArray("addresses");
        addresses.addObject().put("type", "InternalIP").put("address", Ids.ip(n.ip()));
        addresses.addObject().put("type", "InternalDNS").put("address", n.name());
        addresses.addObject().put("type", "Hostname").put("address", n.name());
        status.putArray("conditions").addObject().put("type", "Ready").put("status", "True");
        status.putObject("nodeInfo").put("operatingSystem", n.windows() ? "windows" : "linux")
                .put("architecture", "amd64").put("kubeletVersion", "v1.33.5-eks-113cf36");
        return o;
    }

    /** The workload's top controller; {@code generation} 2 means its pod template changed. */
    ObjectNode workload(WorkloadPlan w, Instant created, int generation, String imageTag) {
        String apiVersion = w.kind().equals("CronJob") ? "batch/v1" : "apps/v1";
        ObjectNode o = object(apiVersion, w.kind(), w.name(), w.namespace(), plan.uid(w), created, w.selector());
        ((ObjectNode) o.get("metadata")).put("generation", generation);
        ObjectNode spec = o.putObject("spec");
        ObjectNode template = podTemplate(w, w.selector(), imageTag);
        switch (w.kind()) {
            case "CronJob" -> {
                spec.put("schedule", ScenarioCatalog.REPORT_SCHEDULE).put("concurrencyPolicy", "Forbid");
                ObjectNode jobSpec = spec.putObject("jobTemplate").putObject("spec");
                jobSpec.put("ttlSecondsAfterFinished", 60).set("template", template);
                o.putObject("status");
                return o;
            }
            case "DaemonSet" -> { }
            case "StatefulSet" -> spec.put("replicas", w.replicas()).put("serviceName", w.name());
            default -> spec.put("replicas", w.replicas());
        }
        selector(spec, w.selector());
        spec.set("template", template);
        ObjectNode status = o.putObject("status").put("observedGeneration", generation);
        if (w.kind().equals("DaemonSet")) {
            long scheduled = plan.pods().stream().filter(p -> p.workload() == w).count();
            status.put("desiredNumberScheduled", scheduled).put("numberReady", scheduled);
        } else {
            status.put("replicas", w.replicas()).put("readyReplicas", w.replicas());
        }
        return o;
    }

    /** A ReplicaSet or Job, owned by its Deployment or CronJob. */
    ObjectNode owner(OwnerPlan owner, int replicas, boolean complete) {
        WorkloadPlan w = owner.workload();
        Map<String, String> labels = merged(w.selector(), owner.podLabels());
        boolean job = owner.kind().equals("Job");
        ObjectNode o = object(job ? "batch/v1" : "apps/v1", owner.kind(), owner.name(), w.namespace(), owner.uid(),
                owner.created(), labels);
        ownerReference(o, job ? "batch/v1" : "apps/v1", w.kind(), w.name(), plan.uid(w));
        ObjectNode spec = o.putObject("spec");
        if (job) {
            spec.put("ttlSecondsAfterFinished", 60).put("completions", 1);
            selector(spec, Map.of("batch.kubernetes.io/controller-uid", owner.uid()));
        } else {
            spec.put("replicas", replicas);
            selector(spec, labels);
        }
        spec.set("template", podTemplate(w, labels, imageTag(owner)));
        ObjectNode status = o.putObject("status");
        if (job) {
            status.put(complete ? "succeeded" : "active", 1);
        } else {
            status.put("replicas", replicas).put("readyReplicas", replicas);
        }
        return o;
    }

    /** A pod in {@code phase}; the IP is only set once the pod runs (the CNI assigns it). */
    ObjectNode pod(PodPlan p, String phase, Instant deletion) {
        WorkloadPlan w = p.workload();
        ObjectNode o = object("v1", "Pod", p.name(), w.namespace(), p.uid(), p.created(), p.labels());
        String ownerApi = p.ownerKind().equals("Job") ? "batch/v1" : "apps/v1";
        ownerReference(o, ownerApi, p.ownerKind(), p.ownerName(), p.ownerUid());
        if (deletion != null) {
            ((ObjectNode) o.get("metadata")).put("deletionTimestamp", deletion.toString())
                    .put("deletionGracePeriodSeconds", 30);
        }
        ObjectNode spec = podSpec(w, imageTag(p));
        spec.put("nodeName", p.node().name());
        o.set("spec", spec);
        ObjectNode status = o.putObject("status").put("phase", phase);
        status.put("hostIP", Ids.ip(p.node().ip()));
        status.putArray("hostIPs").addObject().put("ip", Ids.ip(p.node().ip()));
        if (!phase.equals("Pending")) {
            status.put("podIP", Ids.ip(p.ip()));
            status.putArray("podIPs").addObject().put("ip", Ids.ip(p.ip()));
            status.put("startTime", p.running().toString());
        }
        return o;
    }

    ObjectNode service(ServicePlan s, String uid, Instant created) {
        ObjectNode o = object("v1", "Service", s.name(), s.namespace(), uid, created, Map.of());
        if (!s.annotations().isEmpty()) {
            ((ObjectNode) o.get("metadata")).set("annotations", strings(s.annotations()));
        }
        ObjectNode spec = o.putObject("spec").put("type", s.type()).put("clusterIP", s.clusterIp());
        spec.putArray("clusterIPs").add(s.clusterIp());
        if (!s.selector().isEmpty()) {
            spec.set("selector", strings(s.selector()));
        }
        ArrayNode ports = spec.putArray("ports");
        for (ServicePlan.Port port : s.ports()) {
            ObjectNode p = ports.addObject().put("name", port.name()).put("port", port.port())
                    .put("protocol", port.protocol());
            if (port.targetPort().chars().allMatch(Character::isDigit)) {
                p.put("targetPort", Integer.parseInt(port.targetPort()));
            } else {
                p.put("targetPort", port.targetPort());
            }
        }
        ObjectNode status = o.putObject("status");
        ObjectNode lb = status.putObject("loadBalancer");
        if (s.loadBalancerHostname() != null) {
            lb.putArray("ingress").addObject().put("hostname", s.loadBalancerHostname());
        }
        return o;
    }

    /** {@code default/kubernetes}: on EKS, the control plane's cross-account ENIs (fact 10). */
    ObjectNode apiServerEndpoints(String uid, Instant created) {
        ObjectNode o = object("discovery.k8s.io/v1", "EndpointSlice", "kubernetes", "default", uid, created,
                Map.of("kubernetes.io/service-name", "kubernetes"));
        o.put("addressType", "IPv4");
        ArrayNode endpoints = o.putArray("endpoints");
        for (Eni eni : plan.apiServerEnis()) {
            ObjectNode e = endpoints.addObject();
            e.putArray("addresses").add(Ids.ip(eni.primaryIp()));
            e.putObject("conditions").put("ready", true);
        }
        o.putArray("ports").addObject().put("name", "https").put("port", 443).put("protocol", "TCP");
        return o;
    }

    /** The rollout of {@code cart} is a new image: the ReplicaSet that is never retired runs it. */
    static String imageTag(OwnerPlan owner) {
        boolean rolledOut = owner.workload() == ScenarioCatalog.CART && owner.retired() == null;
        return rolledOut ? NEW_TAG : OLD_TAG;
    }

    private String imageTag(PodPlan p) {
        for (OwnerPlan owner : plan.owners()) {
            if (owner.name().equals(p.ownerName())) {
                return imageTag(owner);
            }
        }
        return OLD_TAG;
    }

    private ObjectNode podTemplate(WorkloadPlan w, Map<String, String> labels, String imageTag) {
        ObjectNode template = JSON.objectNode();
        template.putObject("metadata").set("labels", strings(labels));
        template.set("spec", podSpec(w, imageTag));
        return template;
    }

    private static ObjectNode podSpec(WorkloadPlan w, String imageTag) {
        ObjectNode spec = JSON.objectNode();
        spec.put("serviceAccountName", w.serviceAccount());
        if (w.hostNetwork()) {
            spec.put("hostNetwork", true).put("dnsPolicy", "ClusterFirstWithHostNet");
        } else {
            spec.put("dnsPolicy", "ClusterFirst");
        }
        spec.put("restartPolicy", w.kind().equals("CronJob") ? "OnFailure" : "Always");
        spec.putObject("nodeSelector").put("kubernetes.io/os", w.windows() ? "windows" : "linux");
        ObjectNode container = spec.putArray("containers").addObject();
        container.put("name", w.name()).put("image", IMAGE_REPO + w.name() + ":" + imageTag);
        ArrayNode ports = container.putArray("ports");
        for (PortPlan port : w.ports()) {
            ports.addObject().put("name", port.name()).put("containerPort", port.port())
                    .put("protocol", port.protocol());
        }
        return spec;
    }

    private static ObjectNode object(String apiVersion, String kind, String name, String namespace, String uid,
            Instant created, Map<String, String> labels) {
        ObjectNode o = JSON.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = o.putObject("metadata").put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.put("uid", uid).put("creationTimestamp", created.toString());
        if (!labels.isEmpty()) {
            metadata.set("labels", strings(labels));
        }
        return o;
    }

    private static void ownerReference(ObjectNode o, String apiVersion, String kind, String name, String uid) {
        ((ObjectNode) o.get("metadata")).putArray("ownerReferences").addObject().put("apiVersion", apiVersion)
                .put("kind", kind).put("name", name).put("uid", uid).put("controller", true)
                .put("blockOwnerDeletion", true);
    }

    private static void selector(ObjectNode spec, Map<String, String> matchLabels) {
        spec.putObject("selector").set("matchLabels", strings(matchLabels));
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new TreeMap<>(a);
        m.putAll(b);
        return m;
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = JSON.objectNode();
        new TreeMap<>(map).forEach(node::put);
        return node;
    }
}
