package io.flowpol.cli;

import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.diff.BeyondObserved;
import io.flowpol.inference.diff.ConnectivityDiff;
import io.flowpol.inference.diff.ConnectivityDiffer;
import io.flowpol.inference.diff.ExpectedReachability;
import io.flowpol.inference.diff.NewReachability;
import io.flowpol.inference.diff.NewReachabilityFinder;
import io.flowpol.inference.diff.PolicyPorts;
import io.flowpol.inference.diff.SnatChange;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.snat.SnatReplay;
import io.flowpol.inference.snat.SnatVerdict;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import io.flowpol.inference.timeline.AddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NodeSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The connectivity half of a dry run, as {@code diff} and the PR body both show it: observed edges
 * and over-permission ({@link ConnectivityDiffer}) plus what the proposal newly allows towards
 * every kind of peer ({@link NewReachabilityFinder}), with the recording's node and API server
 * addresses and the VPC CIDRs, and the SNAT-ed egress each side would deny ({@link SnatReplay}).
 */
final class NewReachabilities {
    private NewReachabilities() {
    }

    /** @param vpcCidrs {@code --vpc-cidr} values (already checked by the learning pipeline), or null for the default */
    static ConnectivityDiff dryRun(LearningPipeline.Learned learned, PolicySide before, PolicySide after,
                                   List<String> vpcCidrs) {
        ClusterTimeline timeline = learned.recording().timeline();
        EndpointCatalog catalog = new EndpointCatalog(timeline);
        PolicyEngine current = new PolicyEngine(before.policies(), new CalicoPolicyMatcher(before.policies().networkSets()));
        PolicyEngine proposed = new PolicyEngine(after.policies(), new CalicoPolicyMatcher(after.policies().networkSets()));
        ConnectivityDiff connectivity = new ConnectivityDiffer(catalog, ConnectivityDiffer::dnsToKubeDns).diff(current,
                proposed, learned.result().edges(), PolicyPorts.of(before.policies(), after.policies()));
        List<NewReachability> opened = finder(catalog, timeline, vpcCidrs)
                .find(before.policies(), after.policies(), current, proposed, learned.result().edges());
        List<SnatVerdict> snatBefore = new SnatReplay(current, catalog).replay(learned.result().snatEgress());
        List<SnatVerdict> snatAfter = new SnatReplay(proposed, catalog).replay(learned.result().snatEgress());
        List<SnatChange> snat = new ArrayList<>();
        for (int i = 0; i < snatAfter.size(); i++) {
            snat.add(new SnatChange(snatBefore.get(i), snatAfter.get(i)));
        }
        return new ConnectivityDiff(connectivity.edges(), connectivity.overPermission(),
                connectivity.unobservedChanges(), opened, snat);
    }

    /**
     * What generated policies allow beyond the learned edges (issue 18 item 3), for the report:
     * rows owned by workloads of the namespaces the set isolates (a namespace it has no policy in
     * stays open, which is not the set's doing), sorted into configured exceptions and surprises.
     */
    static List<BeyondObserved> beyondObserved(LearningPipeline.Learned learned, SynthesizedPolicies policies,
                                               List<String> vpcCidrs) {
        ClusterTimeline timeline = learned.recording().timeline();
        EndpointCatalog catalog = new EndpointCatalog(timeline);
        PolicySet set = policies.policies();
        Set<String> isolated = new HashSet<>();
        set.networkPolicies().forEach(p -> isolated.add(p.namespace()));
        List<NewReachability> rows = finder(catalog, timeline, vpcCidrs).beyondObserved(set,
                new PolicyEngine(set, new CalicoPolicyMatcher(set.networkSets())), learned.result().edges(),
                id -> isolated.contains(id.namespace()));
        List<IpAddress> apiServers = timeline.apiServer().stream().map(AddressSpan::ip).distinct().toList();
        return new ExpectedReachability(learned.result().snatEgress(), learned.result().edges(), apiServers)
                .classify(rows);
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
