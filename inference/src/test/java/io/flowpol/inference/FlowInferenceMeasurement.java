package io.flowpol.inference;

import io.flowpol.inference.model.FlowRecord;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.timeline.ContainerPort;

/**
 * A quick throughput measurement, not a test: pushes synthetic v2 records (the four records
 * of each cross-node connection between 50 client and 50 server pods on 20 nodes, one record
 * per second of log time) through {@link FlowInference} and prints records per second.
 * Run: {@code java -cp inference/target/classes:inference/target/test-classes
 * io.flowpol.inference.FlowInferenceMeasurement [records]}.
 */
public final class FlowInferenceMeasurement {
    private static final int NODES = 20;
    private static final int PODS = 50;

    private FlowInferenceMeasurement() {
    }

    public static void main(String[] args) {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        ClusterBuilder cluster = new ClusterBuilder();
        for (int n = 0; n < NODES; n++) {
            cluster.node("node-" + n, "10.0." + n + ".10");
        }
        for (int p = 0; p < PODS; p++) {
            cluster.pod("shop", "client-" + (p % 5), "client-" + p, "node-" + (p % NODES), clientIp(p), -60, -1);
            cluster.pod("shop", "server-" + (p % 5), "server-" + p, "node-" + ((p + 1) % NODES), serverIp(p), -60, -1,
                    new ContainerPort("http", 8080, Protocol.TCP));
        }
        FlowInference inference = new FlowInference(cluster.build(), InferenceOptions.defaults());
        FlowRecord r = new FlowRecord();
        long began = System.nanoTime();
        int maxLive = 0;
        for (long i = 0; i < records; i++) {
            fill(r, i);
            inference.accept(r);
            if ((i & 0xFFFF) == 0) {
                maxLive = Math.max(maxLive, inference.liveConnections());
            }
        }
        InferenceResult result = inference.finish();
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("%d records in %.2f s: %.0f records/s; %d edges, max live connections %d%n",
                records, seconds, records / seconds, result.edges().size(), maxLive);
    }

    private static String clientIp(int p) {
        return "10.0." + (p % NODES) + "." + (100 + p);
    }

    private static String serverIp(int p) {
        return "10.0." + ((p + 1) % NODES) + "." + (200 + p);
    }

    private static int v4(String ip) {
        return IpAddress.parse(ip).v4();
    }

    // Precomputed so that the harness itself allocates nothing per record.
    private static final int[] NODE_IPS = new int[NODES];
    private static final int[] CLIENT_IPS = new int[PODS];
    private static final int[] SERVER_IPS = new int[PODS];

    static {
        for (int n = 0; n < NODES; n++) {
            NODE_IPS[n] = v4("10.0." + n + ".10");
        }
        for (int p = 0; p < PODS; p++) {
            CLIENT_IPS[p] = v4(clientIp(p));
            SERVER_IPS[p] = v4(serverIp(p));
        }
    }

    /** Record i: connection i/4, as (client ENI request, reply; server ENI request, reply). */
    private static void fill(FlowRecord r, long i) {
        long connection = i / 4;
        int p = (int) (connection % PODS);
        int q = (int) ((connection / PODS) % PODS);
        int clientPort = 32768 + (int) (connection % 28000);
        int clientNode = NODE_IPS[p % NODES];
        int serverNode = NODE_IPS[(q + 1) % NODES];
        r.clear();
        r.version = 2;
        r.hasInterfaceId = true;
        boolean clientEni = (i & 2) == 0;
        boolean reply = (i & 1) == 1;
        r.interfaceId = clientEni ? clientNode : serverNode;
        int src = clientEni ? clientNode : CLIENT_IPS[p];
        int dst = clientEni ? SERVER_IPS[q] : serverNode;
        r.srcLo = IpAddress.v4Lo(reply ? dst : src);
        r.dstLo = IpAddress.v4Lo(reply ? src : dst);
        r.hasSrcAddr = r.hasDstAddr = true;
        r.srcPort = reply ? 8080 : clientPort;
        r.dstPort = reply ? clientPort : 8080;
        r.protocol = Protocol.TCP;
        r.packets = 10;
        r.bytes = 1000;
        r.startMillis = ClusterBuilder.T0 + connection * 250;
        r.endMillis = r.startMillis + 1000;
        r.action = FlowRecord.ACTION_ACCEPT;
        r.logStatus = FlowRecord.STATUS_OK;
    }
}
