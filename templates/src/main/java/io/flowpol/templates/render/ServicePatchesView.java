package io.flowpol.templates.render;

import java.util.List;

/** What {@code service-patches.yaml.ftl} prints: the patch files, relative to the component, sorted, YAML-quoted. */
public record ServicePatchesView(List<String> paths) {
    public ServicePatchesView {
        paths = paths.stream().sorted().map(YamlStrings::scalar).toList();
    }
}
