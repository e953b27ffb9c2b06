package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowpol.inference.evaluate.calico.SelectorPlacement;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPolicy.CalicoKind;
import io.flowpol.inference.policy.PolicyType;
import java.util.List;

/**
 * Reads one Calico policy document ({@code projectcalico.org/v3} or the
 * {@code crd.projectcalico.org/v1} storage form) of kind GlobalNetworkPolicy, NetworkPolicy,
 * StagedGlobalNetworkPolicy or StagedNetworkPolicy into a validated {@link CalicoPolicy}.
 * Every selector is checked with Calico's grammar at read time.
 */
public final class CalicoPolicyParser {
    static final List<String> API_VERSIONS = List.of("projectcalico.org/v3", "crd.projectcalico.org/v1");
    private static final String DEFAULT_TIER = "default";

    private CalicoPolicyParser() {
    }

    /** True when the document is a Calico policy kind this parser reads (other kinds are skipped by callers). */
    public static boolean isCalicoPolicy(JsonNode document) {
        return document != null && API_VERSIONS.contains(document.path("apiVersion").asText())
                && kind(document.path("kind").asText()) != null;
    }

    /**
     * @param file the file name for error messages
     * @param documentIndex the document's position in the file, printed as {@code document N}
     * @throws io.flowpol.inference.model.InputException on any invalid field, naming its path
     */
    public static CalicoPolicy parse(JsonNode document, String file, int documentIndex) {
        CalicoFieldReader fields = new CalicoFieldReader(file, documentIndex);
        if (document == null || !document.isObject()) {
            throw fields.error("(document)", "a Calico policy mapping", CalicoFieldReader.describe(document));
        }
        String apiVersion = fields.text(document, "apiVersion", "apiVersion");
        if (!API_VERSIONS.contains(apiVersion)) {
            throw fields.error("apiVersion", String.join(" or ", API_VERSIONS), CalicoFieldReader.describe(document.get("apiVersion")));
        }
        String kindName = fields.text(document, "kind", "kind");
        CalicoKind kind = kind(kindName);
        if (kind == null) {
            throw fields.error("kind", "GlobalNetworkPolicy, NetworkPolicy, StagedGlobalNetworkPolicy or StagedNetworkPolicy",
                    CalicoFieldReader.describe(document.get("kind")));
        }
        JsonNode metadata = fields.object(document, "metadata", "metadata");
        String name = metadata == null ? null : fields.text(metadata, "name", "metadata.name");
        if (name == null || name.isEmpty()) {
            throw fields.error("metadata.name", "a policy name", "nothing");
        }
        String namespace = null;
        if (!kind.global()) {
            namespace = fields.text(metadata, "namespace", "metadata.namespace");
            // kubectl/calicoctl apply a namespaced object without a namespace to "default".
            namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
        }
        JsonNode spec = fields.object(document, "spec", "spec");
        return spec(kind, namespace, name, spec == null ? JsonNodeFactory.instance.objectNode() : spec, fields);
    }

    private static CalicoPolicy spec(CalicoKind kind, String namespace, String name, JsonNode spec,
            CalicoFieldReader fields) {
        String tier = fields.text(spec, "tier", "spec.tier");
        int dot = name.indexOf('.');
        if ((tier == null || tier.isEmpty()) && dot > 0) {
            // Before Calico v3.32 a policy outside the default tier had to be named
            // "<tier>.<name>" (libcalico-go names.TierFromPolicyName), and v1 CRDs store
            // every policy that way.
            tier = name.substring(0, dot);
        }
        tier = tier == null || tier.isEmpty() ? DEFAULT_TIER : tier;
        if (DEFAULT_TIER.equals(tier) && name.startsWith(DEFAULT_TIER + ".") && name.length() > DEFAULT_TIER.length() + 1) {
            // v1 CRDs store default-tier policies as "default.<name>"; users know them as <name>.
            name = name.substring(DEFAULT_TIER.length() + 1);
        }
        String namespaceSelector = null;
        if (kind.global()) {
            namespaceSelector = fields.selector(spec, "namespaceSelector", "spec.namespaceSelector", SelectorPlacement.POLICY);
        } else if (!CalicoFieldReader.absent(spec.get("namespaceSelector"))) {
            throw fields.error("spec.namespaceSelector", "no namespaceSelector in a namespaced " + kind.kindName(),
                    CalicoFieldReader.describe(spec.get("namespaceSelector")));
        }
        CalicoRuleParser rules = new CalicoRuleParser(fields);
        return new CalicoPolicy(kind, namespace, name, tier, order(spec, fields),
                fields.selector(spec, "selector", "spec.selector", SelectorPlacement.POLICY),
                namespaceSelector,
                fields.selector(spec, "serviceAccountSelector", "spec.serviceAccountSelector", SelectorPlacement.POLICY),
                fields.list(spec, "types", "spec.types", (node, path) -> type(node, path, fields)),
                fields.list(spec, "ingress", "spec.ingress", rules::rule),
                fields.list(spec, "egress", "spec.egress", rules::rule));
    }

    static CalicoKind kind(String kindName) {
        for (CalicoKind kind : CalicoKind.values()) {
            if (kind.kindName().equals(kindName)) {
                return kind;
            }
        }
        return null;
    }

    private static Double order(JsonNode spec, CalicoFieldReader fields) {
        JsonNode node = spec.get("order");
        if (CalicoFieldReader.absent(node)) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw fields.error("spec.order", "a number", CalicoFieldReader.describe(node));
        }
        return node.asDouble();
    }

    private static PolicyType type(JsonNode node, String path, CalicoFieldReader fields) {
        String text = node.isTextual() ? node.asText() : "";
        return switch (text) {
            case "Ingress" -> PolicyType.INGRESS;
            case "Egress" -> PolicyType.EGRESS;
            default -> throw fields.error(path, "Ingress or Egress", CalicoFieldReader.describe(node));
        };
    }
}
