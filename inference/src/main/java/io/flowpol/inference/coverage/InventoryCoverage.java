package io.flowpol.inference.coverage;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether the AWS network inventory describes the VPC the flow logs come from (issue 11 item 2):
 * an inventory of another VPC or account would name no peer, silently. Flow-log records carry
 * {@code vpc-id} only in custom formats, so the check uses addresses: the in-VPC addresses the
 * edges saw (nodes, API server, other VPC addresses) against the inventory's VPC (or subnet)
 * CIDRs, or against its ENI addresses when no {@code describe-vpcs}/{@code describe-subnets}
 * output was given. None inside is the sign of another VPC.
 */
public final class InventoryCoverage {
    /** The finding code; stable for tools reading the report. */
    public static final String OTHER_VPC = "aws-network-other-vpc";
    /** In-VPC addresses an inventory would name; run without {@code --aws-network}. */
    public static final String WOULD_NAME = "aws-network-would-name";
    /** In-VPC addresses the given inventory does not name. */
    public static final String NOT_NAMED = "aws-network-unnamed";

    private static final int EXAMPLES = 3;

    private InventoryCoverage() {
    }

    /** The other-VPC warning, or empty when the inventory fits (or there is none, or no address to compare). */
    public static Optional<Finding> check(NetworkInventory inventory, InferenceResult result) {
        if (inventory == null || inventory.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<IpAddress> seen = Stream.concat(result.edges().stream(), result.attempts().stream())
                .flatMap(InventoryCoverage::ends)
                .filter(p -> p.ip() != null && p.kind() != Peer.Kind.EXTERNAL && p.kind() != Peer.Kind.WORKLOAD)
                .map(Peer::ip).collect(Collectors.toCollection(TreeSet::new));
        if (seen.isEmpty() || seen.stream().anyMatch(inventory::covers)) {
            return Optional.empty();
        }
        String vpcs = inventory.vpcIds().isEmpty() ? "" : String.join(", ", inventory.vpcIds());
        String cidrs = inventory.cidrs().stream().map(Object::toString).collect(Collectors.joining(", "));
        String where = Stream.of(vpcs, cidrs.isEmpty() ? inventory.size() + " ENI address(es)" : cidrs)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining("; "));
        String examples = seen.stream().limit(EXAMPLES).map(Object::toString).collect(Collectors.joining(", "));
        return Optional.of(new Finding(Finding.Severity.WARNING, OTHER_VPC, "the AWS network inventory (" + where
                + ") covers none of the " + seen.size() + " in-VPC address(es) of the flow logs (e.g. " + examples
                + "): it looks like another VPC's or account's, so it names no peer; run aws ec2 "
                + "describe-network-interfaces --filters Name=vpc-id,Values=<the flow logs' VPC>", seen.size()));
    }

    /**
     * Without an inventory (issue 11 item 3): how many in-VPC addresses of the edges and attempts
     * no recorded object holds (load balancers, endpoints, databases, unrecorded ENIs), which an
     * inventory would have named. With one: those it does not name either. Empty when there are none.
     */
    public static Optional<Finding> unnamed(NetworkInventory inventory, InferenceResult result) {
        NetworkInventory known = inventory == null ? NetworkInventory.EMPTY : inventory;
        TreeSet<IpAddress> unnamed = Stream.concat(result.edges().stream(), result.attempts().stream())
                .flatMap(InventoryCoverage::ends)
                .filter(p -> p.kind() == Peer.Kind.VPC_ADDRESS && p.ip() != null && known.lookup(p.ip()) == null)
                // outside the inventory's VPC (on premises, a peered VPC): no ENI of it would name them
                .filter(p -> known.cidrs().isEmpty() || known.cidrs().stream().anyMatch(c -> c.contains(p.ip())))
                .map(Peer::ip).collect(Collectors.toCollection(TreeSet::new));
        if (unnamed.isEmpty()) {
            return Optional.empty();
        }
        String examples = unnamed.stream().limit(EXAMPLES).map(Object::toString).collect(Collectors.joining(", "))
                + (unnamed.size() > EXAMPLES ? ", ..." : "");
        String what = unnamed.size() + " VPC address" + (unnamed.size() == 1 ? "" : "es")
                + " held by no recorded pod, node or API server (e.g. " + examples + ")";
        return Optional.of(known.isEmpty()
                ? new Finding(Finding.Severity.INFO, WOULD_NAME, what + ": an --aws-network inventory would name them"
                        + " (those in the VPC: load balancer, VPC endpoint, database ...) and allow a load balancer's or"
                        + " endpoint's rules by all its ENI addresses", unnamed.size())
                : new Finding(Finding.Severity.INFO, NOT_NAMED, what + " in the VPC that the --aws-network inventory"
                        + " does not name: ENIs created or deleted outside its snapshot", unnamed.size()));
    }

    private static Stream<Peer> ends(Edge e) {
        return List.of(e.client(), e.server()).stream();
    }
}
