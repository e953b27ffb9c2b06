package io.flowpol.cli;

import io.flowpol.cli.options.PolicyOptions;
import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.diff.DialectEquivalence;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.synthesize.CalicoDialect;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import io.flowpol.inference.synthesize.UnexpressibleEdge;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.templates.render.OutputModel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Calico dialect of a learning run (issue 16): the policies translated ({@link CalicoDialect}),
 * then proven to decide every learned edge and every workload-pair connection as the Kubernetes
 * set does ({@link DialectEquivalence}). A difference is a flowpol bug: nothing is written and the
 * exit code is 3, as for the self-check.
 */
final class DialectCheck {
    private DialectCheck() {
    }

    /**
     * @param vpcCidrs {@code --vpc-cidr} values, or null for the default
     * @throws DeniesObservedTrafficException when the two sets differ
     */
    static OutputModel.Dialects dialects(PolicyOptions options, SynthesizedPolicies kubernetes, List<Edge> learned,
                                         ClusterTimeline timeline, List<String> vpcCidrs, PrintWriter err) {
        if (!options.calicoDialect()) {
            return new OutputModel.Dialects(true, null, options.staged, List.of());
        }
        List<Cidr> vpc = vpcCidrs == null || vpcCidrs.isEmpty() ? InferenceOptions.DEFAULT_VPC_CIDRS
                : vpcCidrs.stream().map(t -> Cidr.parse(t.trim())).toList();
        SynthesizedPolicies calico = new CalicoDialect(timeline, options.synthesisOptions(), vpc).translate(kubernetes);
        DialectEquivalence.Result result = new DialectEquivalence(new EndpointCatalog(timeline))
                .check(kubernetes.policies(), calico.policies(), learned);
        if (!result.equivalent()) {
            List<DialectEquivalence.Difference> all = new ArrayList<>(result.observedDiffers());
            all.addAll(result.differs());
            for (DialectEquivalence.Difference d : all.subList(0, Math.min(20, all.size()))) {
                err.printf("DIFFERS %s -> %s %s/%d: kubernetes %s, calico %s%n", d.client(), d.server(),
                        Protocol.name(d.protocol()), d.port(), d.kubernetes() ? "allows" : "denies",
                        d.calico() ? "allows" : "denies");
            }
            err.flush();
            throw new DeniesObservedTrafficException("the Calico policies decide " + all.size()
                    + " connection(s) differently from the Kubernetes ones (" + result.observedDiffers().size()
                    + " observed); nothing was written (this is a flowpol bug: please report it with the lines above)");
        }
        return new OutputModel.Dialects(options.kubernetesDialect(), calico, options.staged, lines(result, calico));
    }

    private static List<String> lines(DialectEquivalence.Result result, SynthesizedPolicies calico) {
        List<String> lines = new ArrayList<>();
        lines.add(result.observedEdges() + " learned edges: each decided the same by both sets");
        lines.add(result.probes() + " connections between every pair of workload pod shapes on every observed,"
                + " declared or named port: each decided the same; the Calico set allows nothing less and nothing more");
        List<UnexpressibleEdge> beyond = calico.unexpressible().stream().filter(UnexpressibleEdge::allowedByCalico).toList();
        if (!beyond.isEmpty()) {
            lines.add("flows of protocols Kubernetes NetworkPolicy cannot express (ICMP, ...): " + beyond.size()
                    + "; the Kubernetes set allows them only through the Calico GlobalNetworkPolicy"
                    + " flowpol-allow-other-protocols, the Calico set in the workloads' own policies: "
                    + String.join(", ", beyond.stream().limit(10).map(u -> u.edge().client() + " → " + u.edge().server()
                            + " " + Protocol.name(u.edge().protocol()) + " (" + u.calicoPolicy() + ")").toList())
                    + (beyond.size() > 10 ? ", ..." : ""));
        }
        return lines;
    }
}
