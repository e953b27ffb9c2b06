package io.flowpol.templates.render;

import java.util.List;

/**
 * What {@code kustomization.yaml.ftl} prints: every written policy file, sorted, YAML-quoted;
 * {@code serviceComponent}: the directory of the Service patch component, empty when none was written.
 */
public record KustomizationView(List<String> resources, String serviceComponent) {
    public KustomizationView {
        resources = resources.stream().sorted().map(YamlStrings::scalar).toList();
        serviceComponent = serviceComponent == null ? "" : YamlStrings.comment(serviceComponent);
    }

    /** Without Service patches. */
    public KustomizationView(List<String> resources) {
        this(resources, "");
    }
}
