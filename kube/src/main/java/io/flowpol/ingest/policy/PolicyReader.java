package io.flowpol.ingest.policy;

import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.policy.AdminNetworkPolicy;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.PolicySet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads Kubernetes and Calico policies from files and directories (see {@link YamlDocuments}
 * for what is accepted). {@code networking.k8s.io/v1 NetworkPolicy} becomes a
 * {@link NetworkPolicy}, Calico's StagedKubernetesNetworkPolicy a staged one; Calico's four policy kinds become {@link CalicoPolicy}, GlobalNetworkSets
 * the set's {@code networkSets};
 * {@code policy.networking.k8s.io/v1alpha1} AdminNetworkPolicy and BaselineAdminNetworkPolicy
 * become {@link AdminNetworkPolicy}; every other
 * document is listed in {@link PolicyReadResult#ignored()}.
 *
 * <p>Files are read one document at a time and only the policy values are kept (and, for
 * {@link #keepingDocuments()}, each policy's normalised text): a document's tree is garbage as
 * soon as it is parsed (GitHub issue 12, item 9: 27,000 policies took 2-4 GB of heap when all
 * trees were held, and were read twice by {@code diff}). Unknown fields and repeated keys in
 * the files' policies are reported in {@link PolicyReadResult#warnings()} ({@link KnownFields}).
 */
public final class PolicyReader {
    static final String KUBERNETES_API = "networking.k8s.io/v1";
    /** Calico's API server group and the CRD group behind it (docs.tigera.io, "Calico API"). */
    static final Set<String> CALICO_APIS = Set.of("projectcalico.org/v3", "crd.projectcalico.org/v1");
    static final Set<String> CALICO_KINDS = Set.of(
            "GlobalNetworkPolicy", "NetworkPolicy", "StagedGlobalNetworkPolicy", "StagedNetworkPolicy");
    /** Calico's staged form of a Kubernetes NetworkPolicy: the same spec, evaluated but not enforced. */
    static final String STAGED_KUBERNETES = "StagedKubernetesNetworkPolicy";

    private final boolean keepDocuments;

    public PolicyReader() {
        this(false);
    }

    private PolicyReader(boolean keepDocuments) {
        this.keepDocuments = keepDocuments;
    }

    /** A reader that also keeps each policy's normalised document ({@link PolicyDocuments}), for {@code diff}. */
    public static PolicyReader keepingDocuments() {
        return new PolicyReader(true);
    }

    /**
     * @throws io.flowpol.inference.model.InputException on unreadable files, malformed YAML or
     *     JSON, or a policy field of the wrong type or value
     */
    public PolicyReadResult read(List<Path> filesOrDirs) {
        Reading reading = start(true);
        YamlDocuments.forEach(filesOrDirs, reading::add);
        return reading.result();
    }

    /**
     * The same for documents read elsewhere: a live cluster's ({@link ClusterPolicies#sourceDocuments()}).
     * Their fields are not checked: the API server has validated them and may be newer than flowpol.
     *
     * @throws io.flowpol.inference.model.InputException a policy field of the wrong type or value
     */
    public PolicyReadResult readDocuments(List<SourceDocument> documents) {
        Reading reading = start(false);
        documents.forEach(reading::add);
        return reading.result();
    }

    /** A reading that takes documents one by one; {@code checkFields} for documents from files. */
    Reading start(boolean checkFields) {
        return new Reading(checkFields);
    }

    /** What has been read so far: policy values, never a document (a tree per policy would stay in memory). */
    final class Reading {
        private final boolean checkFields;
        private final List<NetworkPolicy> kubernetes = new ArrayList<>();
        private final List<CalicoPolicy> calico = new ArrayList<>();
        private final List<AdminNetworkPolicy> admin = new ArrayList<>();
        /** AdminNetworkPolicy priorities taken, to the policy that has it. */
        private final Map<Integer, String> priorities = new HashMap<>();
        private final List<io.flowpol.inference.policy.CalicoNetworkSet> networkSets = new ArrayList<>();
        private final List<IgnoredDocument> ignored = new ArrayList<>();
        private final List<InputProblem> warnings = new ArrayList<>();
        /** Where each policy was: its id to "file document N" (never the document: its tree would stay in memory). */
        private final Map<String, String> seen = new HashMap<>();
        private final Map<String, String> documents = new TreeMap<>();

        Reading(boolean checkFields) {
            this.checkFields = checkFields;
        }

        void add(SourceDocument doc) {
            String apiVersion = doc.apiVersion();
            String kind = doc.kind();
            if (KUBERNETES_API.equals(apiVersion) && "NetworkPolicy".equals(kind)) {
                NetworkPolicy policy = NetworkPolicyParser.parse(doc);
                checkUnique(seen, doc, "NetworkPolicy/" + policy.namespace() + "/" + policy.name());
                kubernetes.add(policy);
            } else if (apiVersion != null && CALICO_APIS.contains(apiVersion) && STAGED_KUBERNETES.equals(kind)) {
                NetworkPolicy policy = NetworkPolicyParser.parse(doc).asStaged();
                // its own object: a NetworkPolicy of the same namespace and name may be enforced beside it
                checkUnique(seen, doc, "projectcalico.org/" + STAGED_KUBERNETES + "/" + policy.namespace() + "/" + policy.name());
                kubernetes.add(policy);
            } else if (apiVersion != null && CALICO_APIS.contains(apiVersion) && CALICO_KINDS.contains(kind)) {
                CalicoPolicy policy = CalicoPolicyParser.parse(doc.node(), doc.file(), doc.documentIndex());
                // projectcalico.org/: Calico's NetworkPolicy is another object than Kubernetes' of the same name
                checkUnique(seen, doc, "projectcalico.org/" + policy.kind().kindName() + "/"
                        + (policy.namespace() == null ? "" : policy.namespace() + "/") + policy.name());
                calico.add(policy);
            } else if (apiVersion != null && CALICO_APIS.contains(apiVersion) && "GlobalNetworkSet".equals(kind)) {
                // Not a policy: kept for rule selectors that name it (issue 16), never compared or normalised.
                var set = NetworkSetParser.parse(doc);
                checkUnique(seen, doc, "projectcalico.org/GlobalNetworkSet/" + set.name());
                networkSets.add(set);
                return;
            } else if (AdminPolicyParser.API.equals(apiVersion)
                    && (AdminPolicyParser.ADMIN.equals(kind) || AdminPolicyParser.BASELINE.equals(kind))) {
                AdminNetworkPolicy policy = AdminPolicyParser.parse(doc);
                // The baseline is a singleton: a second one is a second "default", whatever its name was.
                checkUnique(seen, doc, policy.kindName() + "/" + policy.name());
                if (!policy.baseline()) {
                    // Two AdminNetworkPolicies of one priority are undefined in order (API reference): ambiguous.
                    String other = priorities.putIfAbsent(policy.priority(), policy.name());
                    if (other != null) {
                        throw YamlFields.wrong(doc, "spec.priority", "a priority no other AdminNetworkPolicy has",
                                policy.priority() + ", as " + other + " has");
                    }
                }
                admin.add(policy);
            } else {
                ignored.add(new IgnoredDocument(doc.file(), doc.documentIndex(), apiVersion, kind));
                return;
            }
            if (checkFields) {
                warnings.addAll(KnownFields.check(doc));
            }
            if (keepDocuments) {
                PolicyDocuments.add(documents, doc.node(), doc.file());
            }
        }

        PolicyReadResult result() {
            return new PolicyReadResult(new PolicySet(kubernetes, calico, admin, networkSets), ignored, warnings, documents);
        }
    }

    /**
     * Two documents for one object are ambiguous (the API server keeps one object per kind,
     * namespace and name; which one the user meant in force is unknowable), so they are fatal.
     */
    static void checkUnique(Map<String, String> seen, SourceDocument doc, String id) {
        String first = seen.putIfAbsent(id, doc.file() + " document " + doc.documentIndex());
        if (first != null) {
            throw YamlFields.wrong(doc, "metadata.name", "one document per policy", id + " again (first in " + first + ")");
        }
    }
}
