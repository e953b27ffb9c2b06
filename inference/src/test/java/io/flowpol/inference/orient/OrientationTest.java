package io.flowpol.inference.orient;

import static io.flowpol.inference.ClusterBuilder.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.ClusterBuilder;
import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.model.DirectionProof;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.resolve.EndpointResolver;
import io.flowpol.inference.resolve.PodIndex;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ContainerPort;
import org.junit.jupiter.api.Test;

class OrientationTest {
    private final ClusterTimeline cluster = new ClusterBuilder()
            .node("node-a", "10.0.1.10")
            .node("node-b", "10.0.2.10")
            .pod("shop", "client", "client-1", "node-a", "10.0.1.21", -10, -1)
            .pod("shop", "grpc", "grpc-1", "node-b", "10.0.2.31", -10, -1,
                    new ContainerPort("grpc", 50051, Protocol.TCP))
            .pod("shop", "plain", "plain-1", "node-b", "10.0.2.32", -10, -1)
            .build();
    private final EndpointResolver resolver = new EndpointResolver(cluster, InferenceOptions.DEFAULT_VPC_CIDRS);
    private final Orientation orientation =
            new Orientation(new PortDeclarations(resolver, new PodIndex(cluster.pods()), cluster.services()));

    private int ep(String ip) {
        IpAddress a = IpAddress.parse(ip);
        return resolver.resolve(a.hi(), a.lo(), at(1), at(1));
    }

    /** The latest verdict, whose proof the tests check. */
    private int verdict;

    private boolean sourceIsServer(int flags, String src, int srcPort, String dst, int dstPort) {
        verdict = orientation.orient(Protocol.TCP, flags, at(1), ep(src), false, srcPort, 1, ep(dst), false, dstPort, 2);
        return Orientation.sourceIsServer(verdict);
    }

    @Test
    void synAndSynAckOrientAServerPortInsideTheEphemeralRange() {
        assertFalse(sourceIsServer(2, "10.0.1.21", 33000, "10.0.2.32", 50051));
        assertTrue(sourceIsServer(18, "10.0.2.32", 50051, "10.0.1.21", 33000));
        assertEquals(DirectionProof.TCP_FLAGS, Orientation.proof(verdict));
        assertFalse(sourceIsServer(2, "10.0.1.21", 45000, "10.0.2.32", 40000));
        assertTrue(sourceIsServer(19, "10.0.2.32", 40000, "10.0.1.21", 45000));
    }

    @Test
    void withoutFlagsTheDeclaredPortWinsOverTheLowerPort() {
        assertFalse(sourceIsServer(-1, "10.0.1.21", 33000, "10.0.2.31", 50051));
        assertEquals(DirectionProof.DECLARED_PORT, Orientation.proof(verdict));
        assertTrue(sourceIsServer(-1, "10.0.2.31", 50051, "10.0.1.21", 33000));
    }

    @Test
    void ambiguousNodeSideDeclaresThePortsOfItsPods() {
        int node = ep("10.0.2.10");
        int client = ep("10.0.1.21");
        verdict = orientation.orient(Protocol.TCP, -1, at(1), client, false, 33000, 1, node, true, 50051, 2);
        boolean srcIsServer = Orientation.sourceIsServer(verdict);
        assertFalse(srcIsServer);
        assertEquals(DirectionProof.DECLARED_PORT, Orientation.proof(verdict));
    }

    @Test
    void ephemeralRangeDecidesWhenNothingIsDeclared() {
        assertFalse(sourceIsServer(0, "10.0.1.21", 40000, "10.0.2.32", 5432));
        assertEquals(DirectionProof.EPHEMERAL_RANGE, Orientation.proof(verdict));
        assertTrue(sourceIsServer(0, "10.0.2.32", 5432, "10.0.1.21", 40000));
    }

    @Test
    void lowerPortIsTheWeakestProofAndIsSymmetric() {
        boolean request = sourceIsServer(-1, "10.0.1.21", 61000, "10.0.2.32", 62000);
        boolean reply = sourceIsServer(-1, "10.0.2.32", 62000, "10.0.1.21", 61000);
        assertEquals(DirectionProof.LOWER_PORT, Orientation.proof(verdict));
        assertTrue(request, "61000 is the lower port, so its side is taken as the server");
        assertFalse(reply, "the reply must orient the same connection the same way");
    }
}
