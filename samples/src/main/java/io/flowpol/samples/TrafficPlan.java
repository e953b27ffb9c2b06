package io.flowpol.samples;

import static io.flowpol.samples.ScenarioCatalog.*;

import io.flowpol.samples.TrafficEdge.Mode;
import io.flowpol.samples.TrafficEdge.Peers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scenario's traffic: the shop's calls, every pod's DNS, controllers watching the API
 * server, SNAT-ed egress to the internet (fact 3), office clients of an internal NLB in
 * front of the frontend (fact 10) and one client whose connections are dropped by a NetworkPolicy after the ENI (fact 11).
 */
final class TrafficPlan {
    /** A payment provider and a log intake on the internet (RFC 5737 documentation ranges). */
    static final int PAYMENT_API = Ids.ip(198, 51, 100, 23);
    static final int LOG_INTAKE = Ids.ip(203, 0, 113, 80);
    /**
     * Office clients of the internal NLB, reached through a transit gateway: the addresses
     * a learned {@code loadBalancerSourceRanges} should contain.
     */
    static final List<Integer> OFFICE_CLIENTS = List.of(Ids.ip(172, 16, 8, 21), Ids.ip(172, 16, 9, 40));
    /** A scanner whose SYNs to the nodes' SSH port the security group rejects. */
    static final int SCANNER = Ids.ip(192, 0, 2, 77);

    private final ClusterPlan plan;
    private final Map<WorkloadPlan, List<PodPlan>> podsByWorkload;
    private final ScenarioOptions options;
    private final int internetClients;

    TrafficPlan(ClusterPlan plan) {
        this(plan, null, 0);
    }

    /** With {@code internetClients} public clients of the frontend ({@link InternetClientTraffic}), 0 for none. */
    TrafficPlan(ClusterPlan plan, ScenarioOptions options, int internetClients) {
        this.plan = plan;
        this.podsByWorkload = plan.podsByWorkload();
        this.options = options;
        this.internetClients = internetClients;
    }

    List<TrafficEdge> edges() {
        Peers nlb = fixed(plan.loadBalancerEnis(), "loadbalancer:shop/frontend-nlb", "loadbalancer");
        Peers apiServer = fixed(plan.apiServerEnis(), "apiserver", "apiserver");
        Peers dnsClients = t -> {
            List<Endpoint> all = new ArrayList<>();
            for (WorkloadPlan w : plan.workloads()) {
                if (!w.hostNetwork() && w != COREDNS) {
                    all.addAll(pods(w).at(t));
                }
            }
            return all;
        };
        List<Endpoint> office = OFFICE_CLIENTS.stream().map(Endpoint::external).toList();
        List<TrafficEdge> edges = new ArrayList<>(List.of(
                edge(t -> office, nlb, new PortPlan("http", 80, "TCP"), Mode.SHORT, 4),
                edge(nlb, pods(FRONTEND), HTTP, Mode.SHORT, 10),
                edge(pods(FRONTEND), pods(CATALOG), HTTP, Mode.SHORT, 10),
                edge(pods(FRONTEND), pods(CART), HTTP, Mode.SHORT, 6),
                edge(pods(CHECKOUT), pods(CART), HTTP, Mode.SHORT, 3),
                edge(pods(CHECKOUT), pods(INVOICE), HTTP, Mode.SHORT, 0.3),
                edge(pods(PAYMENT), external(PAYMENT_API), new PortPlan("https", 443, "TCP"), Mode.SHORT, 2),
                edge(pods(LOG_SHIPPER), external(LOG_INTAKE), new PortPlan("https", 443, "TCP"), Mode.SHORT, 3),
                edge(dnsClients, pods(COREDNS), DNS, Mode.SHORT, 15),
                edge(dnsClients, pods(COREDNS), DNS_TCP, Mode.SHORT, 0.5),
                edge(pods(HOURLY_REPORT), pods(POSTGRES_STS), POSTGRES, Mode.SHORT, 2),
                edge(pods(CART), pods(REDIS_STS), REDIS, Mode.POOLED, 2),
                edge(pods(CATALOG), pods(POSTGRES_STS), POSTGRES, Mode.POOLED, 2),
                edge(pods(CHECKOUT), pods(PAYMENT), GRPC, Mode.POOLED, 1),
                edge(pods(COREDNS), apiServer, new PortPlan("https", 443, "TCP"), Mode.POOLED, 1),
                edge(pods(AWS_NODE), apiServer, new PortPlan("https", 443, "TCP"), Mode.POOLED, 1),
                edge(pods(CHECKOUT), pods(POSTGRES_STS), POSTGRES, Mode.ATTEMPT, 20)));
        for (SyntheticWorkloads.Call call : plan.calls()) {
            edges.add(edge(pods(call.client()), pods(call.server()), HTTP, call.pooled() ? Mode.POOLED : Mode.SHORT, 1));
        }
        if (internetClients > 0) {
            double weights = edges.stream().filter(e -> e.mode() == Mode.SHORT).mapToDouble(TrafficEdge::rate).sum();
            edges.add(InternetClientTraffic.edge(pods(FRONTEND), HTTP, internetClients, options, weights));
        }
        return edges;
    }

    private static TrafficEdge edge(Peers clients, Peers servers, PortPlan port, Mode mode, double rate) {
        int protocol = port.protocol().equals("UDP") ? FlowLine.UDP : FlowLine.TCP;
        return new TrafficEdge(clients, servers, protocol, port.port(), port.name(), mode, rate);
    }

    Peers pods(WorkloadPlan w) {
        List<PodPlan> candidates = podsByWorkload.getOrDefault(w, List.of());
        return t -> {
            List<Endpoint> live = new ArrayList<>(candidates.size());
            for (PodPlan p : candidates) {
                if (p.carriesTrafficAt(t)) {
                    live.add(Endpoint.of(p));
                }
            }
            return live;
        };
    }

    private static Peers fixed(List<Eni> enis, String peer, String kind) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Eni eni : enis) {
            endpoints.add(new Endpoint(Ids.ip(eni.primaryIp()), peer, kind, eni.primaryIp(), eni, null, false));
        }
        List<Endpoint> fixed = List.copyOf(endpoints);
        return t -> fixed;
    }

    private static Peers external(int ip) {
        List<Endpoint> one = List.of(Endpoint.external(ip));
        return t -> one;
    }
}
