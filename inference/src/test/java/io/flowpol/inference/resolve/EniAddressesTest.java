package io.flowpol.inference.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class EniAddressesTest {
    private final Endpoints endpoints = new Endpoints(List.of());
    private final EniAddresses enis = new EniAddresses(endpoints);

    private static FlowRecord record(String src, String dst, byte direction) {
        FlowRecord r = new FlowRecord();
        IpAddress s = IpAddress.parse(src);
        IpAddress d = IpAddress.parse(dst);
        r.srcHi = s.hi();
        r.srcLo = s.lo();
        r.dstHi = d.hi();
        r.dstLo = d.lo();
        r.flowDirection = direction;
        return r;
    }

    private static FlowRecord record(String src, String dst) {
        return record(src, dst, FlowRecord.DIRECTION_NONE);
    }

    private void assertPrimary(int i, String ip) {
        IpAddress a = IpAddress.parse(ip);
        assertTrue(enis.primaryKnown(i));
        assertEquals(a, new IpAddress(enis.primaryHi(i), enis.primaryLo(i)));
    }

    @Test
    void thePrimaryIsTheAddressCommonToEveryRecordOfTheInterface() {
        int i = enis.index(42L);
        assertFalse(enis.learn(i, record("10.0.1.90", "10.0.2.31")), "first record: two candidates");
        assertFalse(enis.learn(i, record("10.0.2.31", "10.0.1.90")), "its reply: still two");
        assertTrue(enis.learn(i, record("10.0.2.44", "10.0.1.90")), "another peer settles it");
        assertPrimary(i, "10.0.1.90");
    }

    @Test
    void theSecondCandidateCanBeThePrimary() {
        int i = enis.index(7L);
        enis.learn(i, record("10.0.2.31", "10.0.1.90"));
        assertTrue(enis.learn(i, record("10.0.1.90", "10.0.3.3")));
        assertPrimary(i, "10.0.1.90");
    }

    @Test
    void aFlowDirectionNamesTheLocalEndAtOnce() {
        int egress = enis.index(1L);
        assertTrue(enis.learn(egress, record("10.0.1.90", "10.0.2.31", FlowRecord.DIRECTION_EGRESS)));
        assertPrimary(egress, "10.0.1.90");
        int ingress = enis.index(2L);
        assertTrue(enis.learn(ingress, record("10.0.2.31", "10.0.1.91", FlowRecord.DIRECTION_INGRESS)));
        assertPrimary(ingress, "10.0.1.91");
    }

    @Test
    void recordsWithNoCommonAddressAreContradictoryAndTeachNothing() {
        int i = enis.index(3L);
        enis.learn(i, record("10.0.1.90", "10.0.2.31"));
        assertFalse(enis.learn(i, record("10.0.5.5", "10.0.6.6")));
        assertTrue(enis.contradicted(i));
        assertFalse(enis.primaryKnown(i));
    }

    @Test
    void interfacesAreKeptApartByTheirId() {
        int a = enis.index(11L);
        int b = enis.index(12L);
        assertEquals(a, enis.index(11L));
        assertTrue(a != b);
        assertEquals(EniAddresses.LEARNING, enis.state(b));
    }

    @Test
    void votesSettleOnANodeOnlyWhenTheyAgree() {
        endpoints.nodeIndex("node-a");
        endpoints.nodeIndex("node-b");
        int i = enis.index(5L);
        enis.learn(i, record("10.0.1.90", "10.0.2.31", FlowRecord.DIRECTION_EGRESS));
        int vpc = endpoints.add(EndpointKind.VPC_ADDRESS, -1, -1, enis.primaryHi(i), enis.primaryLo(i));
        enis.startVoting(i, vpc);
        enis.vote(i, 0, 1);
        assertEquals(-1, enis.decided(i, false), "one vote is not enough while records can wait");
        assertEquals(0, enis.decided(i, true), "one vote without dissent when they cannot");
        enis.vote(i, 1, 1);
        assertEquals(-1, enis.decided(i, true), "dissent: no node");
        enis.vote(i, 0, 4);
        assertEquals(0, enis.decided(i, false), "five against one");
        enis.settle(i, 0);
        int eni = enis.eniEndpoint(i);
        assertEquals(EndpointKind.NODE, endpoints.kind(eni));
        assertEquals(0, endpoints.node(eni));
        assertEquals(0, endpoints.anchor(eni), "anchored at its node, like the node's InternalIP");
        assertTrue(enis.isPrimary(i, enis.primaryHi(i), enis.primaryLo(i)));
    }
}
