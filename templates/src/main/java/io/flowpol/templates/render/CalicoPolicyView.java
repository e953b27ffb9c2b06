package io.flowpol.templates.render;

import java.util.List;

/**
 * What {@code calicopolicy.yaml.ftl} prints: one Calico {@code projectcalico.org/v3} policy of
 * the Calico dialect (issue 16), a namespaced NetworkPolicy ({@code namespace} set) or a
 * GlobalNetworkPolicy; scalars already YAML-quoted, absent parts null or empty. {@code kind} is
 * the enforced kind: {@code --staged} rewrites it afterwards ({@link StagedKinds}).
 */
public record CalicoPolicyView(String kind, String name, String namespace, List<NetworkPolicyView.KeyValue> labels,
                               String tier, String order, String selector, List<String> types,
                               List<GlobalNetworkPolicyView.Rule> ingress, List<GlobalNetworkPolicyView.Rule> egress) {

    public CalicoPolicyView {
        labels = List.copyOf(labels);
        types = List.copyOf(types);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }
}
