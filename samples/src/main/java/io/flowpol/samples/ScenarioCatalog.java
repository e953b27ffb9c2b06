package io.flowpol.samples;

import java.util.List;
import java.util.Map;

/**
 * The demo shop's workloads and Services: a small but typical EKS tenant. Chosen so that
 * each hard case of DESIGN.md has one instance: a gRPC port inside the Linux ephemeral range
 * (50051, fact 7), DNS on UDP and TCP, a hostNetwork DaemonSet (fact 10), a Windows
 * workload, an internal NLB, StatefulSets, a CronJob.
 */
final class ScenarioCatalog {
    static final PortPlan HTTP = new PortPlan("http", 8080, "TCP");
    static final PortPlan GRPC = new PortPlan("grpc", 50051, "TCP");
    static final PortPlan REDIS = new PortPlan("redis", 6379, "TCP");
    static final PortPlan POSTGRES = new PortPlan("postgres", 5432, "TCP");
    static final PortPlan DNS = new PortPlan("dns", 53, "UDP");
    static final PortPlan DNS_TCP = new PortPlan("dns-tcp", 53, "TCP");

    static final WorkloadPlan COREDNS = new WorkloadPlan("kube-system", "Deployment", "coredns",
            Map.of("k8s-app", "kube-dns"), 2, List.of(DNS, DNS_TCP, new PortPlan("metrics", 9153, "TCP")), false,
            false);
    static final WorkloadPlan AWS_NODE = new WorkloadPlan("kube-system", "DaemonSet", "aws-node",
            Map.of("k8s-app", "aws-node"), 0, List.of(new PortPlan("metrics", 61678, "TCP")), true, false);
    static final WorkloadPlan FRONTEND = deployment("frontend", 3, HTTP);
    static final WorkloadPlan CATALOG = deployment("catalog", 2, HTTP);
    static final WorkloadPlan CART = deployment("cart", 2, HTTP);
    static final WorkloadPlan CHECKOUT = deployment("checkout", 1, HTTP);
    static final WorkloadPlan PAYMENT = deployment("payment", 1, GRPC);
    static final WorkloadPlan INVOICE = new WorkloadPlan("shop", "Deployment", "invoice", Map.of("app", "invoice"), 1,
            List.of(HTTP), false, true);
    static final WorkloadPlan REDIS_STS = new WorkloadPlan("data", "StatefulSet", "redis", Map.of("app", "redis"), 1,
            List.of(REDIS), false, false);
    static final WorkloadPlan POSTGRES_STS = new WorkloadPlan("data", "StatefulSet", "postgres",
            Map.of("app", "postgres"), 1, List.of(POSTGRES), false, false);
    static final WorkloadPlan LOG_SHIPPER = new WorkloadPlan("ops", "DaemonSet", "log-shipper",
            Map.of("app", "log-shipper"), 0, List.of(new PortPlan("metrics", 2020, "TCP")), false, false);
    static final WorkloadPlan HOURLY_REPORT = new WorkloadPlan("ops", "CronJob", "hourly-report",
            Map.of("app", "hourly-report"), 1, List.of(), false, false);

    /** CronJob schedule; the planner runs it at minute 5 of the window and 5 minutes after the rollout. */
    static final String REPORT_SCHEDULE = "5 * * * *";

    static final List<String> NAMESPACES = List.of("default", "kube-system", "shop", "data", "ops");

    private ScenarioCatalog() {
    }

    static List<WorkloadPlan> workloads() {
        return List.of(COREDNS, AWS_NODE, FRONTEND, CATALOG, CART, CHECKOUT, PAYMENT, INVOICE, REDIS_STS,
                POSTGRES_STS, LOG_SHIPPER, HOURLY_REPORT);
    }

    private static WorkloadPlan deployment(String name, int replicas, PortPlan port) {
        return new WorkloadPlan("shop", "Deployment", name, Map.of("app", name), replicas, List.of(port), false,
                false);
    }

    /** EKS gives Services addresses from 172.20.0.0/16 when the VPC is in 10.0.0.0/8. */
    static List<ServicePlan> services(String nlbHostname) {
        return List.of(
                service("default", "kubernetes", "ClusterIP", "172.20.0.1", Map.of(),
                        new ServicePlan.Port("https", 443, "443", "TCP")),
                service("kube-system", "kube-dns", "ClusterIP", "172.20.0.10", COREDNS.selector(),
                        new ServicePlan.Port("dns", 53, "dns", "UDP"),
                        new ServicePlan.Port("dns-tcp", 53, "dns-tcp", "TCP")),
                service("shop", "frontend", "ClusterIP", "172.20.31.7", FRONTEND.selector(), httpPort(8080)),
                new ServicePlan("shop", "frontend-nlb", "LoadBalancer", "172.20.88.14", FRONTEND.selector(),
                        List.of(new ServicePlan.Port("http", 80, "http", "TCP")),
                        Map.of("service.beta.kubernetes.io/aws-load-balancer-internal", "true",
                                "service.beta.kubernetes.io/aws-load-balancer-type", "nlb"),
                        nlbHostname),
                service("shop", "catalog", "ClusterIP", "172.20.45.101", CATALOG.selector(), httpPort(80)),
                service("shop", "cart", "ClusterIP", "172.20.45.102", CART.selector(), httpPort(80)),
                service("shop", "checkout", "ClusterIP", "172.20.45.103", CHECKOUT.selector(), httpPort(80)),
                service("shop", "payment", "ClusterIP", "172.20.45.104", PAYMENT.selector(),
                        new ServicePlan.Port("grpc", 50051, "grpc", "TCP")),
                service("shop", "invoice", "ClusterIP", "172.20.45.105", INVOICE.selector(), httpPort(80)),
                service("data", "redis", "ClusterIP", "None", REDIS_STS.selector(),
                        new ServicePlan.Port("redis", 6379, "redis", "TCP")),
                service("data", "postgres", "ClusterIP", "None", POSTGRES_STS.selector(),
                        new ServicePlan.Port("postgres", 5432, "postgres", "TCP")));
    }

    private static ServicePlan.Port httpPort(int port) {
        return new ServicePlan.Port("http", port, "http", "TCP");
    }

    private static ServicePlan service(String namespace, String name, String type, String clusterIp,
            Map<String, String> selector, ServicePlan.Port... ports) {
        return new ServicePlan(namespace, name, type, clusterIp, selector, List.of(ports), Map.of(), null);
    }
}
