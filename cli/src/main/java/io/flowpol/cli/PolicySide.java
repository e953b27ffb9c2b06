package io.flowpol.cli;

import io.flowpol.cli.options.KubeOptions;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.ingest.policy.ClusterPolicies;
import io.flowpol.ingest.policy.ClusterPolicySource;
import io.flowpol.ingest.policy.PolicyDocuments;
import io.flowpol.ingest.policy.PolicyReadResult;
import io.flowpol.ingest.policy.PolicyReader;
import io.flowpol.ingest.record.KubeClientFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One side of a comparison: the evaluated policies and their normalised documents (for the
 * structural diff), from a directory of YAML or from the cluster's API server, and the
 * warnings about the files' policy documents (none for the cluster's).
 */
record PolicySide(String name, PolicySet policies, Map<String, String> documents, List<String> notes,
                  List<InputProblem> warnings) {

    PolicySide(String name, PolicySet policies, Map<String, String> documents, List<String> notes) {
        this(name, policies, documents, notes, List.of());
    }

    /** The word that names the policies in force in the cluster instead of a directory. */
    static final String CLUSTER = "cluster";

    static PolicySide load(String source, KubeOptions kube) {
        if (CLUSTER.equals(source)) {
            ClusterPolicies inForce = ClusterPolicySource.read(KubeClientFactory.create(kube.kubeconfigOrNull(), kube.context));
            PolicySet set = new PolicyReader().readDocuments(inForce.sourceDocuments()).policies();
            return new PolicySide(inForce.description(), set, PolicyDocuments.normalise(inForce.documents(), CLUSTER),
                    inForce.notes());
        }
        return directory(Path.of(source));
    }

    /** The policies of a directory or file, read once, one document at a time. */
    static PolicySide directory(Path dir) {
        PolicyReadResult read = PolicyReader.keepingDocuments().read(List.of(dir));
        return new PolicySide(dir.toString(), read.policies(), read.documents(), List.of(), read.warnings());
    }
}
