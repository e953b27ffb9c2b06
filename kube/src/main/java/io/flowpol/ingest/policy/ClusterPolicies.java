package io.flowpol.ingest.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies in force in a cluster (and Calico's GlobalNetworkSets), as documents with {@code apiVersion} and {@code kind}
 * set, so they go through the same parsers as files ({@link CalicoPolicyParser}, the
 * NetworkPolicy reader) and {@link PolicyDocuments}. {@code tiers} are Calico tier names with
 * their order, for the report; {@code notes} say what was not read and why (no Calico, no
 * staged policies in this Calico version), none of which is an error.
 */
public record ClusterPolicies(String server, List<JsonNode> documents, CalicoSource calico, List<String> tiers,
                              List<String> notes) {
    public ClusterPolicies {
        if (server == null || calico == null) {
            throw new IllegalArgumentException("server and calico are required");
        }
        documents = List.copyOf(documents);
        tiers = List.copyOf(tiers);
        notes = List.copyOf(notes);
    }

    /**
     * The documents as {@link PolicyReader#readDocuments} takes them: file {@code cluster}, a
     * 1-based index, and the field prefix {@code <kind> <namespace>/<name>: } so that an invalid
     * policy in the cluster is named in the error.
     */
    public List<SourceDocument> sourceDocuments() {
        List<SourceDocument> out = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            JsonNode metadata = documents.get(i).path("metadata");
            String namespace = metadata.path("namespace").asText("");
            String id = documents.get(i).path("kind").asText() + " " + (namespace.isEmpty() ? "" : namespace + "/")
                    + metadata.path("name").asText();
            out.add(new SourceDocument("cluster", i + 1, id + ": ", documents.get(i)));
        }
        return out;
    }

    /** One line for the report: {@code cluster <server>: 3 NetworkPolicies, 2 Calico policies (projectcalico.org/v3)}. */
    public String description() {
        long kubernetes = documents.stream()
                .filter(d -> PolicyNormalizer.KUBERNETES_API.equals(d.path("apiVersion").asText())).count();
        long networkSets = documents.stream().filter(d -> "GlobalNetworkSet".equals(d.path("kind").asText())).count();
        long calicoPolicies = documents.size() - kubernetes - networkSets;
        String calicoPart = calico == CalicoSource.NOT_INSTALLED ? "Calico not installed"
                : calicoPolicies + " Calico policies" + (networkSets == 0 ? "" : ", " + networkSets + " GlobalNetworkSets")
                + " (" + calico.apiVersion() + ")";
        return "cluster " + server + ": " + kubernetes + " NetworkPolicies, " + calicoPart;
    }
}
