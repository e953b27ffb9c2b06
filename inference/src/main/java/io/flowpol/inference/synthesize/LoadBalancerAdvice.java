package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ServiceInfo;
import io.flowpol.inference.timeline.Workload;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Seed practice (DESIGN.md): keep LoadBalancer Services internal or restricted with
 * {@code loadBalancerSourceRanges}. For every internet-facing one without ranges, report the
 * external client blocks the window saw for its pods: exactly the ranges to put there.
 * With client IP preservation off, clients appear as the load balancer's VPC addresses
 * (DESIGN.md fact 10) and no range can be learned; the finding says so.
 */
final class LoadBalancerAdvice {
    /** AWS Load Balancer Controller and in-tree annotations that make a load balancer internal. */
    private static final String INTERNAL = "service.beta.kubernetes.io/aws-load-balancer-internal";
    private static final String SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";

    /** Beyond this many client blocks the finding counts them: listing 40,000 would bury the report. */
    private static final int MAX_LISTED = 16;

    private LoadBalancerAdvice() {
    }

    static void advise(ClusterTimeline cluster, List<Edge> edges, SynthesisOptions options, SynthesisFindings findings) {
        for (ServiceInfo service : cluster.services()) {
            if (!"LoadBalancer".equals(service.type()) || options.excluded(service.namespace())
                    || internal(service.annotations()) || !service.loadBalancerSourceRanges().isEmpty()
                    || service.selector().isEmpty()) {
                continue;
            }
            TreeSet<Cidr> clients = new TreeSet<>();
            for (Edge edge : edges) {
                if (edge.client().kind() == Peer.Kind.EXTERNAL && edge.client().ip() != null && selects(service, edge.server(), cluster)) {
                    clients.add(edge.client().network() != null ? edge.client().network() // summarised (issue 13 item 4)
                            : new Cidr(edge.client().ip(), edge.client().ip().isV4()
                            ? options.externalPrefixV4() : options.externalPrefixV6()));
                }
            }
            findings.add(Finding.Severity.WARNING, "public-load-balancer", "Service " + service.namespace() + "/"
                    + service.name() + " is an internet-facing load balancer without loadBalancerSourceRanges; "
                    + (clients.isEmpty() ? "no external client address was seen (client IP preservation off?),"
                            + " so make it internal or restrict it by hand"
                            : (clients.size() > MAX_LISTED ? clients.size() + " external client blocks seen (see the internet-facing "
                                    + "finding)" : "external clients seen: " + clients) + "; set loadBalancerSourceRanges to them or make it internal"));
        }
    }

    private static boolean internal(Map<String, String> annotations) {
        String internal = annotations.getOrDefault(INTERNAL, "");
        return internal.equalsIgnoreCase("true") || internal.startsWith("0.0.0.0/0")
                || "internal".equalsIgnoreCase(annotations.get(SCHEME));
    }

    private static boolean selects(ServiceInfo service, Peer server, ClusterTimeline cluster) {
        if (server.kind() != Peer.Kind.WORKLOAD || !server.workload().namespace().equals(service.namespace())) {
            return false;
        }
        LabelSelector selector = LabelSelector.of(service.selector());
        return cluster.workloads().stream().filter(w -> w.id().equals(server.workload()))
                .map(Workload::podLabels).anyMatch(selector::matches);
    }
}
