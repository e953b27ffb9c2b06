package io.flowpol.ingest.policy;

import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.PolicySet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Kubernetes and Calico policies from files and directories (see {@link YamlDocuments}
 * for what is accepted). {@code networking.k8s.io/v1 NetworkPolicy} becomes a
 * {@link NetworkPolicy}; Calico's four policy kinds become {@link CalicoPolicy}; every other
 * document is listed in {@link PolicyReadResult#ignored()}.
 */
public final class PolicyReader {
    static final String KUBERNETES_API = "networking.k8s.io/v1";
    /** Calico's API server group and the CRD group behind it (docs.tigera.io, "Calico API"). */
    static final Set<String> CALICO_APIS = Set.of("projectcalico.org/v3", "crd.projectcalico.org/v1");
    static final Set<String> CALICO_KINDS = Set.of(
            "GlobalNetworkPolicy", "NetworkPolicy", "StagedGlobalNetworkPolicy", "StagedNetworkPolicy");

    /**
     * @throws io.flowpol.inference.model.InputException on unreadable files, malformed YAML or
     *     JSON, or a policy field of the wrong type or value
     */
    public PolicyReadResult read(List<Path> filesOrDirs) {
        return readDocuments(YamlDocuments.read(filesOrDirs));
    }

    /**
     * The same for documents read elsewhere: a live cluster's ({@link ClusterPolicies#sourceDocuments()}).
     *
     * @throws io.flowpol.inference.model.InputException a policy field of the wrong type or value
     */
    public PolicyReadResult readDocuments(List<SourceDocument> documents) {
        List<NetworkPolicy> kubernetes = new ArrayList<>();
        List<CalicoPolicy> calico = new ArrayList<>();
        List<IgnoredDocument> ignored = new ArrayList<>();
        Map<String, SourceDocument> seen = new HashMap<>();
        for (SourceDocument doc : documents) {
            String apiVersion = doc.apiVersion();
            String kind = doc.kind();
            if (KUBERNETES_API.equals(apiVersion) && "NetworkPolicy".equals(kind)) {
                NetworkPolicy policy = NetworkPolicyParser.parse(doc);
                checkUnique(seen, doc, "NetworkPolicy/" + policy.namespace() + "/" + policy.name());
                kubernetes.add(policy);
            } else if (apiVersion != null && CALICO_APIS.contains(apiVersion) && CALICO_KINDS.contains(kind)) {
                readCalico(doc, calico, seen);
            } else {
                ignored.add(new IgnoredDocument(doc.file(), doc.documentIndex(), apiVersion, kind));
            }
        }
        return new PolicyReadResult(new PolicySet(kubernetes, calico), ignored);
    }

    /**
     * Two documents for one object are ambiguous (the API server keeps one object per kind,
     * namespace and name; which one the user meant in force is unknowable), so they are fatal.
     */
    static void checkUnique(Map<String, SourceDocument> seen, SourceDocument doc, String id) {
        SourceDocument first = seen.putIfAbsent(id, doc);
        if (first != null) {
            throw YamlFields.wrong(doc, "metadata.name", "one document per policy",
                    id + " again (first in " + first.file() + " document " + first.documentIndex() + ")");
        }
    }

    private static void readCalico(SourceDocument doc, List<CalicoPolicy> calico, Map<String, SourceDocument> seen) {
        CalicoPolicy policy = CalicoPolicyParser.parse(doc.node(), doc.file(), doc.documentIndex());
        checkUnique(seen, doc, policy.kind().kindName() + "/" + (policy.namespace() == null ? "" : policy.namespace() + "/")
                + policy.name());
        calico.add(policy);
    }
}
