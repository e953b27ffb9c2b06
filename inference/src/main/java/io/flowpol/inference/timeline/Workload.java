package io.flowpol.inference.timeline;

import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.WorkloadId;
import java.util.Map;

/**
 * A workload and how to select its pods: the controller's {@code spec.selector} (never
 * pod-template-hash or controller-revision-hash, DESIGN.md fact 9); for bare pods and Jobs,
 * the stable pod labels. {@code podLabels} are the labels of its pod template (or newest pod).
 */
public record Workload(WorkloadId id, LabelSelector selector, Map<String, String> podLabels) {
    public Workload {
        if (id == null) {
            throw new IllegalArgumentException("id == null");
        }
        if (selector == null) {
            throw new IllegalArgumentException("selector == null");
        }
        podLabels = podLabels == null ? Map.of() : Map.copyOf(podLabels);
    }
}
