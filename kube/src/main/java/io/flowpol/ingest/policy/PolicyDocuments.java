package io.flowpol.ingest.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Policy documents as normalised YAML text, the input of
 * {@link io.flowpol.inference.diff.StructuralDiff#of}: what the API server adds or rewrites
 * (see {@link PolicyNormalizer}) is removed, keys are sorted, comments are gone, so two
 * documents differ as text only when they differ as policies. Keyed by
 * {@code group/kind/namespace/name} ({@code group/kind/name} for cluster-scoped kinds).
 */
public final class PolicyDocuments {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // "80" and 80 are different fields to the API server: keep them different here
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());
    private static final Set<String> CLUSTER_SCOPED = Set.of("GlobalNetworkPolicy", "StagedGlobalNetworkPolicy");

    private PolicyDocuments() {
    }

    /**
     * True for the documents flowpol compares: Kubernetes NetworkPolicies, Calico's policy kinds
     * and StagedKubernetesNetworkPolicy.
     */
    public static boolean isPolicy(JsonNode document) {
        return document != null && (CalicoPolicyParser.isCalicoPolicy(document)
                || (PolicyReader.CALICO_APIS.contains(document.path("apiVersion").asText())
                && PolicyReader.STAGED_KUBERNETES.equals(document.path("kind").asText()))
                || (PolicyNormalizer.KUBERNETES_API.equals(document.path("apiVersion").asText())
                && "NetworkPolicy".equals(document.path("kind").asText())));
    }

    /**
     * The policies in files and directories ({@link YamlDocuments}: YAML, JSON, Lists), normalised.
     *
     * @throws InputException unreadable or malformed files, two documents for one policy
     */
    public static Map<String, String> read(List<Path> filesOrDirs) {
        Map<String, String> out = new TreeMap<>();
        YamlDocuments.forEach(filesOrDirs, doc -> add(out, doc.node(), doc.file()));
        return out;
    }

    /**
     * Every policy among {@code documents}, normalised, sorted by key; other kinds are skipped.
     *
     * @param source where the documents came from, for the error message
     * @throws InputException two documents for one policy (which one is meant is unknowable)
     */
    public static Map<String, String> normalise(List<JsonNode> documents, String source) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode document : documents) {
            add(out, document, source);
        }
        return out;
    }

    /** Adds the document, normalised, if it is a policy (documents are read one by one: GitHub issue 12, item 9). */
    static void add(Map<String, String> out, JsonNode document, String source) {
        if (!isPolicy(document)) {
            return;
        }
        ObjectNode normal = PolicyNormalizer.normalise(document);
        String key = key(normal);
        if (out.putIfAbsent(key, yaml(normal)) != null) {
            throw new InputException(InputProblem.error(source, 0, key, "one document per policy", "two"));
        }
    }

    /** The key of a normalised document: {@code group/kind/namespace/name}, group empty for the core API. */
    static String key(JsonNode normal) {
        String apiVersion = normal.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String kind = normal.path("kind").asText();
        JsonNode metadata = normal.path("metadata");
        String name = metadata.path("name").asText();
        return CLUSTER_SCOPED.contains(kind) ? group + "/" + kind + "/" + name
                : group + "/" + kind + "/" + metadata.path("namespace").asText() + "/" + name;
    }

    /** YAML text of a document with every mapping's keys sorted; ends with a newline. */
    static String yaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(sorted(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.stream().sorted().forEach(name -> out.set(name, sorted(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }
}
