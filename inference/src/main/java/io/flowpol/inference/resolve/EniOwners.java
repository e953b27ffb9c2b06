package io.flowpol.inference.resolve;

import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.VpcAddress;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.NodeSpan;
import java.util.HashMap;
import java.util.Map;

/**
 * Which node an ENI belongs to, as the AWS network inventory says (DESIGN.md fact 13, issue 11
 * item 2): the ENI holding an address is attached to an instance ({@code Attachment.InstanceId}),
 * and the node whose {@code spec.providerID} is {@code aws:///<zone>/<that instance>} is its
 * node. Without an inventory, or for an address it does not list, {@link EniAddresses} learns
 * the node from the records' votes as before; with one, the inventory settles it at once — also
 * that a load balancer's, NAT gateway's or endpoint's ENI is no node's, which votes from ports
 * colliding by chance could otherwise contradict.
 */
public final class EniOwners {
    /** The inventory does not say: learn from the records. */
    public static final int UNKNOWN = -1;
    /** The inventory names an ENI of no node of the cluster (a load balancer, NAT gateway, other instance...). */
    public static final int NOT_A_NODE = -2;

    public static final EniOwners NONE = new EniOwners(NetworkInventory.EMPTY, Map.of(), false);

    private final NetworkInventory inventory;
    private final Map<String, Integer> nodeByInstance;
    /** Whether the recording names any node's instance: without it an instance ENI may still be a node's. */
    private final boolean instancesRecorded;

    private EniOwners(NetworkInventory inventory, Map<String, Integer> nodeByInstance, boolean instancesRecorded) {
        this.inventory = inventory;
        this.nodeByInstance = nodeByInstance;
        this.instancesRecorded = instancesRecorded;
    }

    public static EniOwners of(NetworkInventory inventory, ClusterTimeline cluster, Endpoints endpoints) {
        if (inventory == null || inventory.isEmpty()) {
            return NONE;
        }
        Map<String, Integer> nodes = new HashMap<>();
        for (NodeSpan node : cluster.nodes()) {
            String instance = node.instanceId();
            if (instance != null) {
                nodes.put(instance, endpoints.nodeIndex(node.name()));
            }
        }
        return new EniOwners(inventory, nodes, !nodes.isEmpty());
    }

    /**
     * The node index of the ENI that holds the address at the time, {@link #NOT_A_NODE} when
     * the inventory names it as something else, {@link #UNKNOWN} when it cannot tell.
     */
    public int owner(long hi, long lo, long millis) {
        if (this == NONE) {
            return UNKNOWN;
        }
        VpcAddress a = inventory.lookup(new IpAddress(hi, lo), millis);
        if (a == null) {
            return UNKNOWN;
        }
        if (a.instanceId() == null) {
            return NOT_A_NODE;
        }
        Integer node = nodeByInstance.get(a.instanceId());
        if (node != null) {
            return node;
        }
        // An instance no recorded node runs on is another instance in the VPC; unless the
        // recording names no instance at all (an older one without spec.providerID).
        return instancesRecorded ? NOT_A_NODE : UNKNOWN;
    }
}
