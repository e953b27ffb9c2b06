package io.flowpol.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.LabelRequirement;
import io.flowpol.inference.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The labels that identify a workload across pod generations. Controllers add labels that
 * change with every rollout, run or replica (DESIGN.md fact 9): a policy selecting on them
 * would stop matching after the next rollout and take the workload off the network.
 */
final class StableLabels {

    /**
     * Set by controllers per revision, per run or per replica: Deployment
     * (pod-template-hash), StatefulSet/DaemonSet (controller-revision-hash, pod-name,
     * pod-index) and Job (controller-uid), see the Kubernetes "Well-Known Labels" reference.
     */
    static final Set<String> VOLATILE = Set.of(
            "pod-template-hash",
            "controller-revision-hash",
            "controller-uid",
            "batch.kubernetes.io/controller-uid",
            "statefulset.kubernetes.io/pod-name",
            "apps.kubernetes.io/pod-index",
            // Argo Rollouts' counterpart of pod-template-hash on the ReplicaSets it owns.
            "rollouts-pod-template-hash");

    /** A CronJob names each Job after its schedule time, so the job name changes every run. */
    static final Set<String> VOLATILE_FOR_CRONJOB = Set.of("job-name", "batch.kubernetes.io/job-name");

    private StableLabels() {
    }

    static Map<String, String> of(Map<String, String> labels, boolean cronJob) {
        Map<String, String> out = new TreeMap<>();
        labels.forEach((key, value) -> {
            if (!VOLATILE.contains(key) && !(cronJob && VOLATILE_FOR_CRONJOB.contains(key))) {
                out.put(key, value);
            }
        });
        return out;
    }

    /** A controller's {@code spec.selector} (matchLabels and matchExpressions) without volatile keys. */
    static LabelSelector selector(JsonNode selector) {
        Map<String, String> matchLabels = of(KubeJson.stringMap(selector.path("matchLabels")), false);
        List<LabelRequirement> expressions = new ArrayList<>();
        for (JsonNode expression : KubeJson.array(selector, "matchExpressions")) {
            String key = KubeJson.text(expression, "key");
            LabelRequirement.Operator operator = operator(KubeJson.text(expression, "operator"));
            if (key == null || operator == null || VOLATILE.contains(key)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            KubeJson.array(expression, "values").forEach(v -> values.add(v.asText()));
            expressions.add(new LabelRequirement(key, operator, values));
        }
        return new LabelSelector(matchLabels, expressions);
    }

    private static LabelRequirement.Operator operator(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "in" -> LabelRequirement.Operator.IN;
            case "notin" -> LabelRequirement.Operator.NOT_IN;
            case "exists" -> LabelRequirement.Operator.EXISTS;
            case "doesnotexist" -> LabelRequirement.Operator.DOES_NOT_EXIST;
            default -> null;
        };
    }
}
