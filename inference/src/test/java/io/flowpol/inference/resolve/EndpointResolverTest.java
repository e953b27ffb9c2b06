package io.flowpol.inference.resolve;

import static io.flowpol.inference.ClusterBuilder.at;
import static io.flowpol.inference.ClusterBuilder.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flowpol.inference.ClusterBuilder;
import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.model.IpAddress;
import org.junit.jupiter.api.Test;

class EndpointResolverTest {
    private static final IpAddress REUSED = IpAddress.parse("10.0.1.50");

    private final EndpointResolver resolver = new EndpointResolver(new ClusterBuilder()
            .node("node-a", "10.0.1.10")
            .pod("shop", "cart", "cart-1", "node-a", "10.0.1.50", 0, 2)
            .pod("billing", "ledger", "ledger-1", "node-a", "10.0.1.50", 7, -1)
            .hostNetworkPod("kube-system", "agent", "agent-a", "node-a", "10.0.1.10")
            .apiServer("10.0.0.100", 443)
            .build(), InferenceOptions.DEFAULT_VPC_CIDRS);

    private int resolve(IpAddress ip, long millis) {
        return resolver.resolve(ip.hi(), ip.lo(), millis, millis + 59_000);
    }

    @Test
    void reusedIpResolvesToPodAliveAtFlowTime() {
        Endpoints table = resolver.endpoints();
        assertEquals(deployment("shop", "cart"), table.workload(resolve(REUSED, at(1))));
        assertEquals(deployment("billing", "ledger"), table.workload(resolve(REUSED, at(8))));
    }

    @Test
    void ipBetweenTwoOwnersIsAVpcAddressNotAssignedAtFlowTime() {
        int endpoint = resolve(REUSED, at(4));
        assertEquals(EndpointKind.VPC_ADDRESS, resolver.endpoints().kind(endpoint));
        assertEquals(UnresolvedReason.POD_IP_NOT_ASSIGNED, resolver.reason(endpoint));
    }

    @Test
    void recordStartingBeforeThePodResolvesAtItsEnd() {
        long start = at(7) - 30_000;
        int endpoint = resolver.resolve(REUSED.hi(), REUSED.lo(), start, start + 59_000);
        assertEquals(deployment("billing", "ledger"), resolver.endpoints().workload(endpoint));
    }

    @Test
    void hostNetworkPodResolvesToItsNode() {
        int endpoint = resolve(IpAddress.parse("10.0.1.10"), at(1));
        assertEquals(EndpointKind.NODE, resolver.endpoints().kind(endpoint));
        assertEquals("node-a", resolver.endpoints().nodeName(resolver.endpoints().node(endpoint)));
    }

    @Test
    void apiServerUnknownVpcAndExternalAddressesAreTold() {
        assertEquals(EndpointKind.API_SERVER, resolver.endpoints().kind(resolve(IpAddress.parse("10.0.0.100"), at(1))));
        int unknown = resolve(IpAddress.parse("10.0.9.9"), at(1));
        assertEquals(EndpointKind.VPC_ADDRESS, resolver.endpoints().kind(unknown));
        assertEquals(UnresolvedReason.VPC_ADDRESS_UNRECORDED, resolver.reason(unknown));
        int external = resolve(IpAddress.parse("8.8.8.8"), at(1));
        assertEquals(EndpointKind.EXTERNAL, resolver.endpoints().kind(external));
        assertNull(resolver.reason(external));
    }

    @Test
    void whyAnAddressIsUnresolvedDoesNotDependOnWhatWasResolvedSince() {
        // issue 17 item 5: the reason used to be a side result of the latest call
        int notAssigned = resolve(REUSED, at(4));
        int unknown = resolve(IpAddress.parse("10.0.9.9"), at(1));
        int pod = resolve(REUSED, at(1));
        resolve(IpAddress.parse("8.8.8.8"), at(1));
        assertEquals(UnresolvedReason.POD_IP_NOT_ASSIGNED, resolver.reason(notAssigned));
        assertEquals(UnresolvedReason.VPC_ADDRESS_UNRECORDED, resolver.reason(unknown));
        assertNull(resolver.reason(pod));
    }

    @Test
    void sameUnknownAddressIsInternedOnce() {
        IpAddress lb = IpAddress.parse("10.0.9.9");
        assertEquals(resolve(lb, at(1)), resolve(lb, at(9)));
        IpAddress v6 = IpAddress.parse("2600:1f18::1");
        assertEquals(resolve(v6, at(1)), resolve(v6, at(2)));
    }
}
