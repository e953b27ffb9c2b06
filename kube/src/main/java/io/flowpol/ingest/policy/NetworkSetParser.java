package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.policy.CalicoNetworkSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Calico {@code GlobalNetworkSet} (issue 16): its name, labels and {@code spec.nets}, which
 * rule selectors of Calico policies match like endpoints. Needed to replay a Calico policy set whose
 * rules name address groups by selector (flowpol's Calico dialect does).
 */
final class NetworkSetParser {
    private NetworkSetParser() {
    }

    static CalicoNetworkSet parse(SourceDocument doc) {
        JsonNode node = doc.node();
        JsonNode metadata = YamlFields.object(doc, node.get("metadata"), "metadata");
        String name = metadata == null ? null : YamlFields.text(doc, metadata.get("name"), "metadata.name");
        if (name == null || name.isEmpty()) {
            throw YamlFields.wrong(doc, "metadata.name", "a GlobalNetworkSet name", "nothing");
        }
        JsonNode spec = YamlFields.object(doc, node.get("spec"), "spec");
        List<Cidr> nets = new ArrayList<>();
        if (spec != null) {
            List<JsonNode> list = YamlFields.array(doc, spec.get("nets"), "spec.nets");
            for (int i = 0; i < list.size(); i++) {
                String text = YamlFields.text(doc, list.get(i), "spec.nets[" + i + "]");
                try {
                    nets.add(Cidr.parse(text == null ? "" : text.trim()));
                } catch (IllegalArgumentException e) {
                    throw YamlFields.wrong(doc, "spec.nets[" + i + "]", "a CIDR (10.0.0.0/16, 2001:db8::/32)", text);
                }
            }
        }
        return new CalicoNetworkSet(name, YamlFields.stringMap(doc, metadata.get("labels"), "metadata.labels"), nets);
    }
}
