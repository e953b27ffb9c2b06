package io.flowpol.templates.render;

import io.flowpol.inference.diff.BeyondObserved;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import io.flowpol.inference.timeline.ClusterTimeline;
import java.util.List;

/**
 * Everything one output directory is rendered from: the synthesized policies with their
 * evidence, what inference learned, the cluster's size, the inputs, and findings from
 * ingest (format lacking pkt-* fields, SKIPDATA, ...) that the report must show too.
 * {@code inventory} names in-VPC peers (load balancers, endpoints, ...; issue 11 items 2-3),
 * {@link NetworkInventory#EMPTY} without {@code --aws-network}; {@code beyondObserved} is what the
 * policies allow beyond the observed edges, riskiest first (issue 18 item 3).
 */
public record OutputModel(SynthesizedPolicies policies, InferenceResult result, ClusterSummary cluster,
                          InputDescription input, List<Finding> ingestFindings, NetworkInventory inventory,
                          List<BeyondObserved> beyondObserved, Dialects dialects) {

    /** The Kubernetes dialect alone, enforced. */
    public OutputModel(SynthesizedPolicies policies, InferenceResult result, ClusterSummary cluster,
                       InputDescription input, List<Finding> ingestFindings, NetworkInventory inventory,
                       List<BeyondObserved> beyondObserved) {
        this(policies, result, cluster, input, ingestFindings, inventory, beyondObserved, Dialects.KUBERNETES);
    }

    /**
     * Which renderings of the policies are written (issue 16): the Kubernetes set ({@code kubernetes}),
     * the Calico set ({@code calico}, null when not written: {@code CalicoDialect}), every policy as
     * its staged kind ({@code staged}), and the lines that say how the two sets were proven
     * equivalent ({@code equivalence}, for the report).
     */
    public record Dialects(boolean kubernetes, SynthesizedPolicies calico, boolean staged, List<String> equivalence) {
        public static final Dialects KUBERNETES = new Dialects(true, null, false, List.of());

        public Dialects {
            if (!kubernetes && calico == null) {
                throw new IllegalArgumentException("no dialect to write");
            }
            equivalence = equivalence == null ? List.of() : List.copyOf(equivalence);
        }
    }

    public OutputModel(SynthesizedPolicies policies, InferenceResult result, ClusterSummary cluster,
                       InputDescription input, List<Finding> ingestFindings) {
        this(policies, result, cluster, input, ingestFindings, NetworkInventory.EMPTY, List.of());
    }

    /** Without an inventory. */
    public OutputModel(SynthesizedPolicies policies, InferenceResult result, ClusterSummary cluster,
                       InputDescription input, List<Finding> ingestFindings, List<BeyondObserved> beyondObserved) {
        this(policies, result, cluster, input, ingestFindings, NetworkInventory.EMPTY, beyondObserved);
    }

    /** Without the beyond-observed rows (not computed). */
    public OutputModel(SynthesizedPolicies policies, InferenceResult result, ClusterSummary cluster,
                       InputDescription input, List<Finding> ingestFindings, NetworkInventory inventory) {
        this(policies, result, cluster, input, ingestFindings, inventory, List.of());
    }

    public OutputModel {
        if (policies == null || result == null || cluster == null || input == null) {
            throw new IllegalArgumentException("policies, result, cluster and input are required");
        }
        ingestFindings = ingestFindings == null ? List.of() : List.copyOf(ingestFindings);
        inventory = inventory == null ? NetworkInventory.EMPTY : inventory;
        beyondObserved = beyondObserved == null ? List.of() : List.copyOf(beyondObserved);
        dialects = dialects == null ? Dialects.KUBERNETES : dialects;
    }

    /** How big the recorded cluster was: counts for the report's summary. */
    public record ClusterSummary(int namespaces, int nodes, int pods, int workloads, int services) {

        public static ClusterSummary of(ClusterTimeline cluster) {
            return new ClusterSummary(cluster.namespaces().size(),
                    (int) cluster.nodes().stream().map(n -> n.name()).distinct().count(),
                    (int) cluster.pods().stream().map(p -> p.namespace() + "/" + p.name()).distinct().count(),
                    cluster.workloads().size(), cluster.services().size());
        }
    }

    /**
     * What was read: flow-log sources (files, S3 prefixes, log groups), their format as
     * described to the user (e.g. {@code v2 default} or the custom field list), and the
     * learning window in epoch ms.
     */
    public record InputDescription(List<String> sources, String format, long windowStart, long windowEnd) {
        public InputDescription {
            sources = sources == null ? List.of() : List.copyOf(sources);
            format = format == null ? "unknown" : format;
        }
    }
}
