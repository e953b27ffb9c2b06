package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import java.util.List;

/**
 * The {@code loadBalancerSourceRanges} learned for one LoadBalancer Service (issue 11 item 3):
 * its load balancer's {@code clients} came from these few {@code ranges}, so the Service can be
 * restricted to them (the seed practice of source-restricted load balancers). {@code widened}:
 * the ranges are the clients' /24 (/48) networks, the exact addresses being more than the limit.
 */
public record SourceRanges(String namespace, String service, List<Cidr> ranges, int clients, boolean widened) {
    /** Where the output puts the patches: {@code service-patches/<namespace>/<service>.yaml}. */
    public static final String DIRECTORY = "service-patches";

    public SourceRanges {
        if (namespace == null || service == null || ranges == null || ranges.isEmpty()) {
            throw new IllegalArgumentException("namespace, service and ranges are required");
        }
        ranges = List.copyOf(ranges);
    }

    /** The patch's path in the output directory. */
    public String patchFile() {
        return DIRECTORY + "/" + namespace + "/" + service + ".yaml";
    }
}
