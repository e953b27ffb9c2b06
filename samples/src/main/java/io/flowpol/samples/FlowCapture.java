package io.flowpol.samples;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the VPC's ENIs record of one flow, exactly as DESIGN.md facts 1–4 and 11 describe:
 * up to four records (request and reply, at the client's and at the server's ENI), the
 * capturing ENI shown by its primary IP in srcaddr/dstaddr, the real addresses in
 * pkt-srcaddr/pkt-dstaddr, nothing for two pods of one node, the node's IP for a pod
 * talking outside the VPC (SNAT), and request records only for an unanswered attempt.
 */
final class FlowCapture {
    /**
     * One flow over one stretch of time: a whole short connection ({@code minute} -1), or one
     * minute of a pooled one. Flags are OR-ed over the stretch (fact 7).
     */
    record Flow(Endpoint client, Endpoint server, int protocol, int clientPort, int serverPort, long start, long end,
            int minute, int requestFlags, int replyFlags, long requestPackets, long requestBytes, long replyPackets,
            long replyBytes, boolean replied, boolean firstOfConnection) {
    }

    private static final int VPC_MASK = 0xFFFF0000;
    private static final int VPC_BASE = Ids.ip(10, 0, 0, 0);
    /** The NAT gateway's ENI in the public subnet 10.0.0.0/24, which no node or pod uses. */
    static final Eni NAT_GATEWAY_ENI = new Eni("eni-0a7ea7ea7ea7ea7e0", Ids.ip(10, 0, 0, 100), "subnet-0public", "-");

    private final FlowLogWriter writer;
    private final SplittableRandom random;
    private final long t0;
    private final List<Eni> enis;
    private final Map<String, Integer> eniIndex = new HashMap<>();
    private final int[] phase;
    private final boolean[][] seen;
    private final int skippedEni;
    private final int skippedInterval;
    private final FlowLine line = new FlowLine();
    private final boolean externalSnat;

    FlowCapture(ClusterPlan plan, ScenarioOptions options, FlowLogWriter writer, SplittableRandom random) {
        this.writer = writer;
        this.random = random;
        this.t0 = options.start().getEpochSecond();
        this.externalSnat = options.externalSnat();
        List<Eni> all = new java.util.ArrayList<>(plan.enis());
        if (externalSnat) {
            all.add(NAT_GATEWAY_ENI);
        }
        this.enis = List.copyOf(all);
        this.phase = new int[enis.size()];
        for (int i = 0; i < enis.size(); i++) {
            eniIndex.put(enis.get(i).id(), i);
            phase[i] = random.nextInt(60);
        }
        this.seen = new boolean[enis.size()][options.minutes() + 1];
        this.skippedEni = 1;
        this.skippedInterval = options.minutes() * 2 / 3;
    }

    /** True when the node translates the pod's address (fact 3): not with external SNAT. */
    boolean snat(Endpoint client, Endpoint server) {
        return !externalSnat && client.isPod() && external(server);
    }

    private static boolean external(Endpoint e) {
        return (e.ip() & VPC_MASK) != VPC_BASE;
    }

    /** Writes the flow's records; false when it never crossed an ENI (both pods on one node). */
    boolean write(Flow f) throws IOException {
        Endpoint c = f.client();
        Endpoint s = f.server();
        if (c.node() != null && c.node() == s.node()) {
            return false;
        }
        boolean snat = snat(c, s);
        int clientAddress = snat ? c.node().ip() : c.ip();
        // SNAT-ed traffic leaves through the primary ENI (eth0) whichever ENI the pod's IP is on.
        Eni clientEni = snat ? c.node().eni() : c.eni();
        if (clientEni != null) {
            int primary = clientEni.primaryIp();
            side(f, clientEni, primary, s.ip(), clientAddress, s.ip(), true, true);
            if (f.replied()) {
                side(f, clientEni, s.ip(), primary, s.ip(), clientAddress, false, false);
            }
        }
        if (s.eni() != null) {
            int primary = s.eni().primaryIp();
            side(f, s.eni(), clientAddress, primary, clientAddress, s.ip(), true, false);
            if (f.replied()) {
                side(f, s.eni(), primary, clientAddress, s.ip(), clientAddress, false, true);
            }
        }
        if (externalSnat && external(s)) {
            natGateway(f, clientAddress, s.ip());
        }
        return true;
    }

    /**
     * What the NAT gateway's ENI records of a flow it translates (AWS "Traffic through a NAT
     * gateway"): the sender's packet arrives addressed, in dstaddr, to the gateway's own primary IP
     * while pkt-dstaddr keeps the internet destination; it leaves from the gateway's address; the
     * reply comes back to that address and is forwarded to the sender with the destination in
     * pkt-srcaddr. The sender's leg keeps its source port; the gateway's own leg to the internet
     * leaves from a port of its own (NAT gateways translate ports, 1024-65535), so nothing may join
     * a pod's connection to the gateway's leg by ports.
     */
    private void natGateway(Flow f, int sender, int destination) throws IOException {
        int nat = NAT_GATEWAY_ENI.primaryIp();
        // Deterministic, not drawn: the scenario's random stream stays as it was.
        int translated = 1024 + (int) Math.floorMod(f.clientPort() * 7919L + sender * 31L, 64512L);
        Flow own = new Flow(f.client(), f.server(), f.protocol(), translated, f.serverPort(), f.start(), f.end(),
                f.minute(), f.requestFlags(), f.replyFlags(), f.requestPackets(), f.requestBytes(), f.replyPackets(),
                f.replyBytes(), f.replied(), f.firstOfConnection());
        side(f, NAT_GATEWAY_ENI, sender, nat, sender, destination, true, false);
        side(own, NAT_GATEWAY_ENI, nat, destination, nat, destination, true, true);
        if (f.replied()) {
            side(own, NAT_GATEWAY_ENI, destination, nat, destination, nat, false, false);
            side(f, NAT_GATEWAY_ENI, nat, sender, destination, sender, false, true);
        }
    }

    private void side(Flow f, Eni eni, int src, int dst, int pktSrc, int pktDst, boolean request, boolean egress)
            throws IOException {
        int i = eniIndex.get(eni.id());
        long interval;
        long start;
        long end;
        if (f.minute() >= 0) {
            interval = f.minute();
            long intervalStart = t0 + phase[i] + 60L * interval;
            start = intervalStart + random.nextInt(5);
            end = intervalStart + 54 + random.nextInt(5);
        } else {
            interval = Math.floorDiv(f.start() - t0 - phase[i], 60);
            long intervalStart = t0 + phase[i] + 60L * interval;
            start = f.start();
            end = Math.min(f.end(), intervalStart + 59);
        }
        if (interval >= 0 && interval < seen[i].length) {
            seen[i][(int) interval] = true;
        }
        if (i == skippedEni && interval == skippedInterval) {
            return; // lost: closeInterval reports SKIPDATA for it
        }
        line.eni = eni;
        line.src = src;
        line.dst = dst;
        line.srcPort = request ? f.clientPort() : f.serverPort();
        line.dstPort = request ? f.serverPort() : f.clientPort();
        line.protocol = f.protocol();
        line.packets = request ? f.requestPackets() : f.replyPackets();
        line.bytes = request ? f.requestBytes() : f.replyBytes();
        line.start = start;
        line.end = end;
        line.accept = true;
        line.tcpFlags = request ? f.requestFlags() : f.replyFlags();
        line.pktSrc = pktSrc;
        line.pktDst = pktDst;
        line.egress = egress;
        writer.write(line);
    }

    /** A SYN the security group rejected, seen only at the target's ENI (fact 11). */
    void reject(Eni eni, int source, int sourcePort, int port, long t) throws IOException {
        int i = eniIndex.get(eni.id());
        long interval = Math.floorDiv(t - t0 - phase[i], 60);
        if (interval >= 0 && interval < seen[i].length) {
            seen[i][(int) interval] = true;
        }
        line.eni = eni;
        line.src = source;
        line.dst = eni.primaryIp();
        line.srcPort = sourcePort;
        line.dstPort = port;
        line.protocol = FlowLine.TCP;
        line.packets = 1;
        line.bytes = 44;
        line.start = t;
        line.end = t;
        line.accept = false;
        line.tcpFlags = FlowLine.SYN;
        line.pktSrc = source;
        line.pktDst = eni.primaryIp();
        line.egress = false;
        writer.write(line);
    }

    /** Ends interval {@code k} at every ENI: NODATA where nothing was seen, SKIPDATA where lost. */
    void closeInterval(int k) throws IOException {
        if (k < 0) {
            return;
        }
        for (int i = 0; i < enis.size(); i++) {
            long start = t0 + phase[i] + 60L * k;
            if (i == skippedEni && k == skippedInterval) {
                writer.status(enis.get(i), start, start + 59, "SKIPDATA");
            } else if (!seen[i][k]) {
                writer.status(enis.get(i), start, start + 59, "NODATA");
            }
        }
    }
}
