package io.flowpol.cli;

import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.diff.ConnectivityDiff;
import io.flowpol.inference.diff.ConnectivityDiffer;
import io.flowpol.inference.diff.NewReachability;
import io.flowpol.inference.diff.NewReachabilityFinder;
import io.flowpol.inference.diff.PolicyPorts;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.timeline.AddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NodeSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The connectivity half of a dry run, as {@code diff} and the PR body both show it: observed edges
 * and over-permission ({@link ConnectivityDiffer}) plus what the proposal newly allows towards
 * every kind of peer ({@link NewReachabilityFinder}), with the recording's node and API server
 * addresses and the VPC CIDRs.
 */
final class NewReachabilities {
    private NewReachabilities() {
    }

    /** @param vpcCidrs {@code --vpc-cidr} values (already checked by the learning pipeline), or null for the default */
    static ConnectivityDiff dryRun(LearningPipeline.Learned learned, PolicySide before, PolicySide after,
                                   List<String> vpcCidrs) {
        CalicoPolicyMatcher calico = new CalicoPolicyMatcher();
        ClusterTimeline timeline = learned.recording().timeline();
        EndpointCatalog catalog = new EndpointCatalog(timeline);
        PolicyEngine current = new PolicyEngine(before.policies(), calico);
        PolicyEngine proposed = new PolicyEngine(after.policies(), calico);
        ConnectivityDiff connectivity = new ConnectivityDiffer(catalog, ConnectivityDiffer::dnsToKubeDns).diff(current,
                proposed, learned.result().edges(), PolicyPorts.of(before.policies(), after.policies()));
        List<NewReachability> opened = finder(catalog, timeline, vpcCidrs)
                .find(before.policies(), after.policies(), current, proposed, learned.result().edges());
        return new ConnectivityDiff(connectivity.edges(), connectivity.overPermission(),
                connectivity.unobservedChanges(), opened);
    }

    static NewReachabilityFinder finder(EndpointCatalog catalog, ClusterTimeline timeline, List<String> vpcCidrs) {
        List<IpAddress> nodes = new ArrayList<>();
        for (NodeSpan node : timeline.nodes()) {
            nodes.addAll(node.addresses());
        }
        List<IpAddress> apiServers = timeline.apiServer().stream().map(AddressSpan::ip).distinct().toList();
        List<Cidr> vpc = new ArrayList<>();
        if (vpcCidrs != null) {
            vpcCidrs.forEach(text -> vpc.add(Cidr.parse(text.trim())));
        }
        return new NewReachabilityFinder(catalog, nodes, apiServers,
                vpc.isEmpty() ? InferenceOptions.DEFAULT_VPC_CIDRS : vpc);
    }
}
