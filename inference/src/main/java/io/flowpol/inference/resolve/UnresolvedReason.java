package io.flowpol.inference.resolve;

/**
 * Why an end of a connection is not a pod or a node. Counted per connection in
 * {@link io.flowpol.inference.model.Coverage#unresolvedByReason()}; the texts are the keys.
 */
public enum UnresolvedReason {
    /** The address belonged to a pod, but at another time (IP reuse, DESIGN.md fact 6). */
    POD_IP_NOT_ASSIGNED("pod IP not assigned at flow time"),
    /** No recorded object held the address: a load balancer, an unrecorded ENI (fact 10). */
    VPC_ADDRESS_UNRECORDED("VPC address held by no recorded pod, node or API server (load balancer or unrecorded ENI)"),
    /** Fact 2: only the capturing ENI's primary address was seen, and nothing disambiguated it. */
    NODE_ADDRESS_UNMATCHED("v2 record names a node address and no record from the other end matched"
            + " (enable pkt-srcaddr/pkt-dstaddr)"),
    /**
     * A v2 join whose records named two different pods for one end: two connections whose
     * ports collided under the same node-anchored key. Which pod it was would be a guess.
     */
    JOIN_CONFLICT("v2 join of two connections whose ports collided (records name different pods for one end);"
            + " no edge is made from it (enable pkt-srcaddr/pkt-dstaddr)");

    private final String text;

    UnresolvedReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
