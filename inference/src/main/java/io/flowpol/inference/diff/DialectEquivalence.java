package io.flowpol.inference.diff;

import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Proves two renderings of one policy model equivalent (issue 16 item 2): the Kubernetes set
 * (NetworkPolicies and the Calico guards) and the Calico set allow exactly the same observed
 * edges, and the same connections between every pod shape of every ordered workload pair
 * (itself included) on every candidate port: each port observed in the window (ICMP and other
 * protocols as port 0), each port either set names, and each declared container port of the
 * server. Both sides are replayed by the same {@link PolicyEngine}, GlobalNetworkSets resolved.
 */
public final class DialectEquivalence {
    private final EndpointCatalog catalog;

    public DialectEquivalence(EndpointCatalog catalog) {
        if (catalog == null) {
            throw new IllegalArgumentException("catalog == null");
        }
        this.catalog = catalog;
    }

    /** A connection the two sets decide differently; {@code client}/{@code server} as the edge or workload text. */
    public record Difference(String client, String server, int protocol, int port, boolean kubernetes, boolean calico) {
        /** True when Calico denies what Kubernetes allows. */
        public boolean calicoAllowsLess() {
            return kubernetes && !calico;
        }
    }

    /**
     * @param observedEdges edges replayed against both sets (both verdicts must agree)
     * @param observedDiffers observed edges the two sets decide differently
     * @param probes workload-pair connections probed besides the edges
     * @param differs those of them the two sets decide differently
     */
    public record Result(int observedEdges, List<Difference> observedDiffers, long probes, List<Difference> differs) {
        public Result {
            observedDiffers = List.copyOf(observedDiffers);
            differs = List.copyOf(differs);
        }

        public boolean equivalent() {
            return observedDiffers.isEmpty() && differs.isEmpty();
        }
    }

    public Result check(PolicySet kubernetes, PolicySet calico, List<Edge> observed) {
        PolicyEngine a = new PolicyEngine(kubernetes, new CalicoPolicyMatcher(kubernetes.networkSets()));
        PolicyEngine b = new PolicyEngine(calico, new CalicoPolicyMatcher(calico.networkSets()));
        EdgeReplay replayA = new EdgeReplay(a, catalog);
        EdgeReplay replayB = new EdgeReplay(b, catalog);
        List<Difference> observedDiffers = new ArrayList<>();
        Set<Long> observedPorts = new TreeSet<>(PolicyPorts.of(kubernetes, calico));
        for (Edge edge : observed) {
            boolean x = replayA.replay(edge).allowed();
            boolean y = replayB.replay(edge).allowed();
            if (x != y) {
                observedDiffers.add(new Difference(edge.client().toString(), edge.server().toString(), edge.protocol(),
                        edge.port(), x, y));
            }
            observedPorts.add(ConnectivityDiffer.pack(edge.protocol(), Math.max(0, edge.port())));
        }
        Map<WorkloadId, List<EvalEndpoint>> workloads = new TreeMap<>(catalog.workloads());
        List<Difference> differs = new ArrayList<>();
        long probes = 0;
        for (Map.Entry<WorkloadId, List<EvalEndpoint>> server : workloads.entrySet()) {
            Set<Long> ports = new TreeSet<>(observedPorts);
            for (EvalEndpoint pod : server.getValue()) {
                for (ContainerPort p : pod.ports()) {
                    ports.add(ConnectivityDiffer.pack(p.protocol(), p.port()));
                }
            }
            for (Map.Entry<WorkloadId, List<EvalEndpoint>> client : workloads.entrySet()) {
                for (long packed : ports) {
                    int protocol = (int) (packed >>> 16);
                    int port = (int) (packed & 0xFFFF);
                    for (EvalEndpoint c : client.getValue()) {
                        for (EvalEndpoint s : server.getValue()) {
                            Connection connection = new Connection(c, s, protocol, port);
                            probes++;
                            boolean x = enforced(a, connection);
                            boolean y = enforced(b, connection);
                            if (x != y) {
                                differs.add(new Difference(Peer.workload(client.getKey()).toString(),
                                        Peer.workload(server.getKey()).toString(), protocol, port, x, y));
                            }
                        }
                    }
                }
            }
        }
        return new Result(observed.size(), observedDiffers, probes, differs);
    }

    /**
     * The enforced verdict alone: {@link PolicyEngine#allows} also walks the staged policies, twice
     * the work for the millions of probes of a large cluster; ingress is not asked once egress denies.
     */
    private static boolean enforced(PolicyEngine engine, Connection connection) {
        return engine.decide(PolicyType.EGRESS, connection, false).allowed()
                && engine.decide(PolicyType.INGRESS, connection, false).allowed();
    }
}
