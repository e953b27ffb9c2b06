package io.flowpol.templates.render;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.synthesize.SourceRanges;
import java.util.List;

/** What {@code service-patch.yaml.ftl} prints: one Service's learned source ranges, YAML-quoted. */
public record ServicePatchView(String namespace, String name, List<String> ranges, String comment) {
    public ServicePatchView {
        ranges = List.copyOf(ranges);
    }

    static ServicePatchView of(SourceRanges r) {
        String comment = r.clients() + (r.clients() == 1 ? " client address" : " client addresses")
                + " seen in the window come from " + (r.widened() ? "these /24 (/48) networks" : "these ranges")
                + "; ranges a client outside them would need are not known";
        return new ServicePatchView(YamlStrings.scalar(r.namespace()), YamlStrings.scalar(r.service()),
                r.ranges().stream().map(Cidr::toString).map(YamlStrings::quoted).toList(), YamlStrings.comment(comment));
    }
}
