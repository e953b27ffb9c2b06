package io.flowpol.cli;

import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.diff.NewReachabilityFinder;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.timeline.AddressSpan;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NodeSpan;
import java.util.ArrayList;
import java.util.List;

/** The new-reachability finder of a run: the recording's node and API server addresses, the VPC CIDRs. */
final class NewReachabilities {
    private NewReachabilities() {
    }

    static NewReachabilityFinder finder(EndpointCatalog catalog, ClusterTimeline timeline, InferenceTuningOptions tuning) {
        List<IpAddress> nodes = new ArrayList<>();
        for (NodeSpan node : timeline.nodes()) {
            nodes.addAll(node.addresses());
        }
        List<IpAddress> apiServers = timeline.apiServer().stream().map(AddressSpan::ip).distinct().toList();
        List<Cidr> vpc = new ArrayList<>();
        if (tuning.vpcCidrs != null) {
            // already checked by the learning pipeline, which ran first
            tuning.vpcCidrs.forEach(text -> vpc.add(Cidr.parse(text.trim())));
        }
        return new NewReachabilityFinder(catalog, nodes, apiServers,
                vpc.isEmpty() ? InferenceOptions.DEFAULT_VPC_CIDRS : vpc);
    }
}
