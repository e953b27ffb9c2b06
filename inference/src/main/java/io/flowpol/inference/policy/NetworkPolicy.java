package io.flowpol.inference.policy;

import io.flowpol.inference.model.LabelSelector;
import java.util.List;
import java.util.Map;

/**
 * A {@code networking.k8s.io/v1} NetworkPolicy. {@code policyTypes} is as written (empty
 * when the document omits it); the evaluator applies the Kubernetes defaulting. {@code staged}
 * for Calico's {@code StagedKubernetesNetworkPolicy} (same spec): evaluated and reported, never
 * enforced, like the staged Calico kinds.
 */
public record NetworkPolicy(
        String namespace,
        String name,
        Map<String, String> labels,
        Map<String, String> annotations,
        LabelSelector podSelector,
        List<PolicyType> policyTypes,
        List<NetworkPolicyRule> ingress,
        List<NetworkPolicyRule> egress,
        boolean staged) {

    public NetworkPolicy {
        if (namespace == null) {
            throw new IllegalArgumentException("namespace == null");
        }
        if (name == null) {
            throw new IllegalArgumentException("name == null");
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        podSelector = podSelector == null ? LabelSelector.ALL : podSelector;
        policyTypes = policyTypes == null ? List.of() : List.copyOf(policyTypes);
        ingress = ingress == null ? List.of() : List.copyOf(ingress);
        egress = egress == null ? List.of() : List.copyOf(egress);
    }

    /** An enforced NetworkPolicy. */
    public NetworkPolicy(String namespace, String name, Map<String, String> labels, Map<String, String> annotations,
                         LabelSelector podSelector, List<PolicyType> policyTypes, List<NetworkPolicyRule> ingress,
                         List<NetworkPolicyRule> egress) {
        this(namespace, name, labels, annotations, podSelector, policyTypes, ingress, egress, false);
    }

    /** The same policy as a {@code StagedKubernetesNetworkPolicy}. */
    public NetworkPolicy asStaged() {
        return new NetworkPolicy(namespace, name, labels, annotations, podSelector, policyTypes, ingress, egress, true);
    }

    /** The kind it is read from: {@code NetworkPolicy} or {@code StagedKubernetesNetworkPolicy}. */
    public String kindName() {
        return staged ? "StagedKubernetesNetworkPolicy" : "NetworkPolicy";
    }
}
