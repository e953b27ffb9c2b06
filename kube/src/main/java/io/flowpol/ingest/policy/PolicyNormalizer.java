package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes from a policy document what differs between a file and the same policy read back from
 * the API server, so that {@link PolicyDocuments} compares policies, not serialisations.
 */
final class PolicyNormalizer {
    static final String KUBERNETES_API = "networking.k8s.io/v1";
    private static final String CALICO_CRD_API = "crd.projectcalico.org/v1";
    private static final String CALICO_API = "projectcalico.org/v3";
    /** Set by the API server on every object (Kubernetes API conventions, "Metadata"). */
    private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "managedFields", "selfLink");
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    /** An empty selector here means "all pods" or "all namespaces": it must stay visible. */
    private static final Set<String> MEANINGFUL_EMPTY = Set.of("podSelector", "namespaceSelector");
    private static final Set<String> NAMESPACED = Set.of("NetworkPolicy", "StagedNetworkPolicy",
            PolicyReader.STAGED_KUBERNETES);

    private PolicyNormalizer() {
    }

    static ObjectNode normalise(JsonNode document) {
        ObjectNode doc = ((ObjectNode) document).deepCopy();
        doc.remove("status");
        ObjectNode metadata = doc.get("metadata") instanceof ObjectNode m ? m : doc.putObject("metadata");
        SERVER_METADATA.forEach(metadata::remove);
        if (metadata.get("annotations") instanceof ObjectNode annotations) {
            annotations.remove(LAST_APPLIED);
        }
        if (NAMESPACED.contains(doc.path("kind").asText()) && metadata.path("namespace").asText().isEmpty()) {
            // kubectl apply puts a namespaced object without a namespace into "default"
            metadata.put("namespace", "default");
        }
        if (CALICO_CRD_API.equals(doc.path("apiVersion").asText())) {
            calicoApiForm(doc, metadata);
        }
        boolean kubernetesSpec = KUBERNETES_API.equals(doc.path("apiVersion").asText())
                || PolicyReader.STAGED_KUBERNETES.equals(doc.path("kind").asText());
        if (kubernetesSpec && doc.get("spec") instanceof ObjectNode spec) {
            kubernetesDefaults(spec);
        }
        prune(doc);
        return doc;
    }

    /**
     * The Calico CRDs store what the Calico API server serves, with default-tier policies named
     * {@code default.<name>} (CalicoPolicyParser reads both forms the same way); the proposal is
     * written in the API form, so the cluster side is brought to it.
     */
    private static void calicoApiForm(ObjectNode doc, ObjectNode metadata) {
        doc.put("apiVersion", CALICO_API);
        String name = metadata.path("name").asText();
        String tier = doc.path("spec").path("tier").asText("");
        if (name.startsWith("default.") && (tier.isEmpty() || "default".equals(tier))) {
            metadata.put("name", name.substring("default.".length()));
        }
    }

    /**
     * Defaults the API server fills in on create (networking/v1 NetworkPolicySpec): policyTypes
     * from the presence of egress rules, and TCP for a port without protocol.
     */
    private static void kubernetesDefaults(ObjectNode spec) {
        if (!spec.has("policyTypes") || spec.get("policyTypes").isNull()) {
            ArrayNode types = spec.putArray("policyTypes");
            types.add("Ingress");
            if (spec.get("egress") instanceof ArrayNode egress && !egress.isEmpty()) {
                types.add("Egress");
            }
        }
        for (String direction : List.of("ingress", "egress")) {
            for (JsonNode rule : spec.path(direction)) {
                for (JsonNode port : rule.path("ports")) {
                    if (port instanceof ObjectNode p && (!p.has("protocol") || p.get("protocol").isNull())) {
                        p.put("protocol", "TCP");
                    }
                }
            }
        }
    }

    /**
     * Drops nulls, empty lists and empty mappings, bottom up: the API server omits empty
     * {@code omitempty} fields, files often spell them out. Empty selectors stay.
     */
    private static boolean prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (prune(field.getValue()) && !MEANINGFUL_EMPTY.contains(field.getKey())) {
                    it.remove();
                }
            }
            return object.isEmpty();
        }
        if (node instanceof ArrayNode array) {
            array.forEach(PolicyNormalizer::prune);
            return array.isEmpty();
        }
        return node.isNull();
    }
}
