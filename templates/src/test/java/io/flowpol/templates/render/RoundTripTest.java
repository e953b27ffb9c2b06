package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the YAML says is what synthesis decided: every rule, peer and port survives rendering. */
class RoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void renderedNetworkPoliciesReadBackAsTheSynthesizedRules() throws IOException {
        OutputModel model = SampleModel.model();
        Path out = tmp.resolve("out");
        new OutputRenderer(null).render(out, model);

        YAMLMapper yaml = new YAMLMapper();
        for (NetworkPolicy policy : model.policies().policies().networkPolicies()) {
            JsonNode doc = yaml.readTree(out.resolve("networkpolicies").resolve(policy.namespace())
                    .resolve(policy.name() + ".yaml").toFile());
            assertEquals(policy.name(), doc.path("metadata").path("name").asText());
            assertEquals(policy.podSelector().matchLabels(), labels(doc.path("spec").path("podSelector").path("matchLabels")));
            assertEquals(describe(policy.ingress()), describe(doc.path("spec").path("ingress"), "from"), policy.name());
            assertEquals(describe(policy.egress()), describe(doc.path("spec").path("egress"), "to"), policy.name());
        }
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<String> describe(List<NetworkPolicyRule> rules) {
        List<String> out = new ArrayList<>();
        for (NetworkPolicyRule rule : rules) {
            StringBuilder text = new StringBuilder();
            for (NetworkPolicyPeer peer : rule.peers()) {
                text.append(peer.ipBlock() != null ? "ip " + peer.ipBlock().cidr()
                        : "ns " + peer.namespaceSelector().matchLabels() + " pod " + peer.podSelector().matchLabels()).append("; ");
            }
            for (NetworkPolicyPort port : rule.ports()) {
                text.append(Protocol.name(port.protocol())).append(' ')
                        .append(port.portName() != null ? port.portName() : Integer.toString(port.port())).append("; ");
            }
            out.add(text.toString());
        }
        return out;
    }

    private static List<String> describe(JsonNode rules, String peersKey) {
        List<String> out = new ArrayList<>();
        for (JsonNode rule : rules) {
            StringBuilder text = new StringBuilder();
            for (JsonNode peer : rule.path(peersKey)) {
                text.append(peer.has("ipBlock") ? "ip " + peer.path("ipBlock").path("cidr").asText()
                        : "ns " + labels(peer.path("namespaceSelector").path("matchLabels"))
                        + " pod " + labels(peer.path("podSelector").path("matchLabels"))).append("; ");
            }
            for (JsonNode port : rule.path("ports")) {
                text.append(port.path("protocol").asText()).append(' ').append(port.path("port").asText()).append("; ");
            }
            out.add(text.toString());
        }
        return out;
    }
}
