package io.flowpol.inference.synthesize;

import static io.flowpol.inference.synthesize.Fixtures.FRONTEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ServiceInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadBalancerAdviceTest {
    private static final Edge FROM_INTERNET = Fixtures.edge(Peer.external(IpAddress.parse("198.51.100.23")),
            Peer.workload(FRONTEND), 8080, 4);

    private static List<Finding> advice(Map<String, String> annotations, List<String> sourceRanges) {
        ServiceInfo lb = new ServiceInfo("shop", "web", "LoadBalancer", Map.of("app", "frontend"), List.of(), List.of(),
                annotations, sourceRanges, List.of());
        ClusterTimeline base = new Fixtures().cluster();
        ClusterTimeline cluster = new ClusterTimeline(base.namespaces(), base.nodes(), base.pods(), base.workloads(),
                List.of(lb), base.apiServer(), base.start(), base.end());
        SynthesisFindings findings = new SynthesisFindings();
        LoadBalancerAdvice.advise(cluster, List.of(FROM_INTERNET), SynthesisOptions.defaults(), findings);
        return findings.findings();
    }

    @Test
    void publicLoadBalancerWithoutSourceRangesGetsTheObservedClientRanges() {
        List<Finding> findings = advice(Map.of(), List.of());

        assertEquals(1, findings.size());
        assertEquals("public-load-balancer", findings.get(0).code());
        assertTrue(findings.get(0).message().contains("[198.51.100.23/32]"), findings.get(0).message());
    }

    @Test
    void internalOrRestrictedLoadBalancersAreFine() {
        assertEquals(List.of(), advice(Map.of("service.beta.kubernetes.io/aws-load-balancer-scheme", "internal"), List.of()));
        assertEquals(List.of(), advice(Map.of("service.beta.kubernetes.io/aws-load-balancer-internal", "true"), List.of()));
        assertEquals(List.of(), advice(Map.of(), List.of("198.51.100.0/24")));
    }
}
