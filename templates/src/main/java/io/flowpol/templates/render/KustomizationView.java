package io.flowpol.templates.render;

import java.util.List;

/** What {@code kustomization.yaml.ftl} prints: every written policy file, sorted, YAML-quoted. */
public record KustomizationView(List<String> resources) {
    public KustomizationView {
        resources = resources.stream().sorted().map(YamlStrings::scalar).toList();
    }
}
