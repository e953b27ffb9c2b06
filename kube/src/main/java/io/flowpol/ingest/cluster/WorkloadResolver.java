package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the top owner of a pod (DESIGN.md fact 9) and how to select it. Holds the last state of
 * every controller object in the recording, deleted ones included: a ReplicaSet deleted during
 * the window still tells which Deployment its pods belonged to.
 */
final class WorkloadResolver {

    static final Set<String> KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob");
    /** The kinds that select their pods with {@code spec.selector}. */
    private static final Set<String> SELECTING_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

    /** CronJob controller names each Job {@code <cronjob>-<scheduled time in minutes>}. */
    private static final Pattern CRONJOB_JOB = Pattern.compile("(.+)-\\d+");

    private final Map<String, JsonNode> objects = new HashMap<>();

    /** The newest recorded ReplicaSet of each Deployment, for Deployments not recorded themselves. */
    private final Map<String, JsonNode> replicaSetOf = new HashMap<>();

    void record(WatchEvent event) {
        objects.put(key(event.kind(), event.namespace(), event.name()), event.object());
        KubeJson.Owner owner = "ReplicaSet".equals(event.kind()) ? KubeJson.controller(event.object()) : null;
        if (owner != null) {
            replicaSetOf.put(key(owner.kind(), event.namespace(), owner.name()), event.object());
        }
    }

    /** The workload of a pod, from its controller owner reference and the recorded controllers. */
    WorkloadId resolve(JsonNode pod) {
        String namespace = KubeJson.text(pod, "metadata", "namespace");
        String name = KubeJson.text(pod, "metadata", "name");
        KubeJson.Owner owner = KubeJson.controller(pod);
        if (owner == null || "Node".equals(owner.kind())) {
            // Static (mirror) pods are owned by their Node: each is its own workload.
            return new WorkloadId(namespace, "Pod", name);
        }
        return switch (owner.kind()) {
            case "ReplicaSet" -> fromReplicaSet(namespace, owner.name(), KubeJson.labels(pod).get("pod-template-hash"));
            case "Job" -> fromJob(namespace, owner.name());
            default -> new WorkloadId(namespace, owner.kind(), owner.name());
        };
    }

    private WorkloadId fromReplicaSet(String namespace, String name, String hash) {
        JsonNode replicaSet = objects.get(key("ReplicaSet", namespace, name));
        if (replicaSet != null) {
            KubeJson.Owner top = KubeJson.controller(replicaSet);
            return top == null
                    ? new WorkloadId(namespace, "ReplicaSet", name)
                    : new WorkloadId(namespace, top.kind(), top.name());
        }
        // Not recorded: a Deployment names its ReplicaSets <deployment>-<pod-template-hash>.
        if (hash != null && name.endsWith("-" + hash)) {
            return new WorkloadId(namespace, "Deployment", name.substring(0, name.length() - hash.length() - 1));
        }
        int dash = name.lastIndexOf('-');
        if (dash > 0 && objects.containsKey(key("Deployment", namespace, name.substring(0, dash)))) {
            return new WorkloadId(namespace, "Deployment", name.substring(0, dash));
        }
        return new WorkloadId(namespace, "ReplicaSet", name);
    }

    private WorkloadId fromJob(String namespace, String name) {
        JsonNode job = objects.get(key("Job", namespace, name));
        if (job != null) {
            KubeJson.Owner top = KubeJson.controller(job);
            return top == null
                    ? new WorkloadId(namespace, "Job", name)
                    : new WorkloadId(namespace, top.kind(), top.name());
        }
        Matcher m = CRONJOB_JOB.matcher(name);
        if (m.matches() && objects.containsKey(key("CronJob", namespace, m.group(1)))) {
            return new WorkloadId(namespace, "CronJob", m.group(1));
        }
        return new WorkloadId(namespace, "Job", name);
    }

    /**
     * The {@code spec.selector} of a recorded Deployment, ReplicaSet, StatefulSet or DaemonSet
     * (without volatile keys), or null when the workload is of another kind or not recorded.
     */
    LabelSelector controllerSelector(WorkloadId id) {
        if (!SELECTING_KINDS.contains(id.kind())) {
            return null;
        }
        JsonNode object = objects.get(key(id.kind(), id.namespace(), id.name()));
        if (object == null) {
            object = replicaSetOf.get(key(id.kind(), id.namespace(), id.name()));
        }
        return object == null ? null : StableLabels.selector(KubeJson.at(object, "spec", "selector"));
    }

    /**
     * The top-level recorded controllers of {@code namespace} whose non-empty selector matches
     * {@code labels}, in name order: where a pod relabeled off its own controller now belongs.
     */
    List<WorkloadId> selecting(String namespace, Map<String, String> labels) {
        List<WorkloadId> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : objects.entrySet()) {
            String[] parts = entry.getKey().split("/", 3);
            WorkloadId id = new WorkloadId(parts[1], parts[0], parts[2]);
            if (!parts[1].equals(namespace) || !SELECTING_KINDS.contains(parts[0])
                    || "ReplicaSet".equals(parts[0]) && KubeJson.controller(entry.getValue()) != null) {
                continue;
            }
            LabelSelector selector = controllerSelector(id);
            if (selector != null && !selector.isEmpty() && selector.matches(labels)) {
                out.add(id);
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * The workload with its selector: the controller's {@code spec.selector}; for a CronJob
     * its job template's pod labels; for Jobs, bare pods, and controllers missing from the
     * recording the stable labels of its newest pod. All without volatile keys.
     */
    Workload workload(WorkloadId id, Map<String, String> newestPodLabels) {
        return workload(id, newestPodLabels, newestPodLabels);
    }

    /**
     * As {@link #workload(WorkloadId, Map)}, selecting pods by the labels all its pods shared
     * ({@code sharedPodLabels}) where no controller selector applies: a bare pod relabeled during
     * the window must stay selected in both of its spans.
     */
    Workload workload(WorkloadId id, Map<String, String> newestPodLabels, Map<String, String> sharedPodLabels) {
        JsonNode object = objects.get(key(id.kind(), id.namespace(), id.name()));
        if (object == null) {
            // A ReplicaSet carries its Deployment's selector and template (plus pod-template-hash).
            object = replicaSetOf.get(key(id.kind(), id.namespace(), id.name()));
        }
        boolean cronJob = "CronJob".equals(id.kind());
        Map<String, String> podLabels = StableLabels.of(newestPodLabels, cronJob);
        if (object == null || "Job".equals(id.kind())) {
            return new Workload(id, LabelSelector.of(StableLabels.of(sharedPodLabels, cronJob)), podLabels);
        }
        if (cronJob) {
            Map<String, String> template = StableLabels.of(
                    KubeJson.labels(KubeJson.at(object, "spec", "jobTemplate", "spec", "template")), true);
            // An older recorded state may lack the template labels: the pods still carry them.
            Map<String, String> labels = template.isEmpty() ? podLabels : template;
            return new Workload(id, LabelSelector.of(labels), labels);
        }
        Map<String, String> template = StableLabels.of(KubeJson.labels(KubeJson.at(object, "spec", "template")), false);
        return new Workload(id, StableLabels.selector(KubeJson.at(object, "spec", "selector")),
                template.isEmpty() ? podLabels : template);
    }

    private static String key(String kind, String namespace, String name) {
        return kind + '/' + namespace + '/' + name;
    }
}
