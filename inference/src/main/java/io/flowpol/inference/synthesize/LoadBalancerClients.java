package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.VpcAddress;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.ServiceInfo;
import io.flowpol.inference.timeline.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Learns the clients of each LoadBalancer Service's load balancer (issue 11 item 3) and, when they
 * come from a few ranges (an office, a CDN, a partner: at most
 * {@link SynthesisOptions#loadBalancerSourceRangesMax()}), the {@code loadBalancerSourceRanges}
 * that restrict the Service to them; otherwise says that they are not few.
 * <p>
 * Clients are seen two ways. With client IP preservation the pods see them: public addresses
 * reaching the Service's pods (nothing public reaches a pod but through a load balancer). With
 * the AWS network inventory, the load balancer's own ENIs see them: every peer of an edge to an
 * address of the load balancer the Service created, named by its status hostname or by the AWS
 * Load Balancer Controller's naming ({@code k8s-<ns:8>-<name:8>-<10 hex>}). An in-VPC client of
 * the load balancer needs the VPC's CIDRs among the ranges, or restricting it would cut it off.
 * Exact addresses are merged only where they fill a block ({@code .0/31} from {@code .0} and
 * {@code .1}); past the limit, the clients' /24 (/48) networks are tried.
 */
final class LoadBalancerClients {
    static final String CODE = "lb-source-ranges";
    private static final int NETWORK_V4 = 24;
    private static final int NETWORK_V6 = 48;
    private static final int LISTED = 8;

    private LoadBalancerClients() {
    }

    static List<SourceRanges> learn(ClusterTimeline cluster, List<Edge> edges, NetworkInventory inventory,
                                    SynthesisOptions options, SynthesisFindings findings) {
        int max = options.loadBalancerSourceRangesMax();
        List<SourceRanges> out = new ArrayList<>();
        if (max == 0) {
            return out;
        }
        NetworkInventory known = inventory == null ? NetworkInventory.EMPTY : inventory;
        for (ServiceInfo service : cluster.services()) {
            if (!"LoadBalancer".equals(service.type()) || options.excluded(service.namespace())
                    || !service.loadBalancerSourceRanges().isEmpty() || service.selector().isEmpty()) {
                continue;
            }
            TreeSet<IpAddress> outside = new TreeSet<>();
            TreeSet<String> inside = new TreeSet<>();
            for (Edge edge : edges) {
                Peer client = edge.client();
                if (selects(service, edge.server(), cluster)) {
                    if (client.kind() == Peer.Kind.EXTERNAL && client.ip() != null) {
                        outside.add(client.ip());
                    }
                } else if (isLoadBalancerOf(service, edge.server(), known)) {
                    if (client.ip() != null && (client.kind() == Peer.Kind.EXTERNAL
                            || client.kind() == Peer.Kind.VPC_ADDRESS && outsideVpc(client.ip(), known))) {
                        outside.add(client.ip());
                    } else {
                        inside.add(client.toString());
                    }
                }
            }
            if (outside.isEmpty()) {
                continue; // nothing learned: preservation off and no inventory naming its ENIs
            }
            String name = service.namespace() + "/" + service.name();
            TreeSet<Cidr> vpc = new TreeSet<>();
            if (!inside.isEmpty()) {
                if (known.cidrs().isEmpty()) {
                    findings.add(Finding.Severity.INFO, CODE, "Service " + name + ": its load balancer has " + outside.size()
                            + " client address(es) outside the VPC and in-VPC clients too (" + listed(inside)
                            + "); without the VPC's CIDRs (aws ec2 describe-vpcs in --aws-network) no "
                            + "loadBalancerSourceRanges patch is written, as it would cut those off");
                    continue;
                }
                vpc.addAll(known.cidrs());
            }
            SourceRanges ranges = ranges(service, outside, vpc, max);
            if (ranges == null) {
                findings.add(Finding.Severity.INFO, CODE, "Service " + name + ": its load balancer's " + outside.size()
                        + " client addresses are not few (" + networks(outside).size() + " /24 (/48) networks"
                        + (vpc.isEmpty() ? "" : " besides the VPC's CIDRs") + ", more than --lb-source-ranges-max " + max
                        + "): no loadBalancerSourceRanges patch; restrict it by hand or keep it internal");
            } else {
                out.add(ranges);
                findings.add(Finding.Severity.INFO, CODE, "Service " + name + ": its load balancer's " + outside.size()
                        + " client address(es) " + (vpc.isEmpty() ? "" : "outside the VPC ") + "come from "
                        + ranges.ranges().size() + " range(s) (" + listed(ranges.ranges()) + ")"
                        + (ranges.widened() ? ", their /24 (/48) networks" : "") + ": " + ranges.patchFile()
                        + " sets its loadBalancerSourceRanges to them (a kustomize patch of the component "
                        + SourceRanges.DIRECTORY + "/)");
            }
        }
        return out;
    }

    /** Exact blocks when few enough, else the clients' networks when few enough, else null. */
    private static SourceRanges ranges(ServiceInfo service, TreeSet<IpAddress> clients, TreeSet<Cidr> vpc, int max) {
        TreeSet<Cidr> exact = new TreeSet<>();
        clients.forEach(ip -> exact.add(Cidr.host(ip)));
        List<Cidr> merged = withVpc(merge(exact), vpc);
        if (merged.size() <= max) {
            return new SourceRanges(service.namespace(), service.name(), merged, clients.size(), false);
        }
        List<Cidr> networks = withVpc(merge(networks(clients)), vpc);
        if (networks.size() <= max) {
            return new SourceRanges(service.namespace(), service.name(), networks, clients.size(), true);
        }
        return null;
    }

    private static List<Cidr> withVpc(List<Cidr> ranges, TreeSet<Cidr> vpc) {
        TreeSet<Cidr> all = new TreeSet<>(vpc);
        ranges.stream().filter(r -> vpc.stream().noneMatch(v -> v.contains(r))).forEach(all::add);
        return List.copyOf(all);
    }

    private static TreeSet<Cidr> networks(TreeSet<IpAddress> clients) {
        TreeSet<Cidr> out = new TreeSet<>();
        clients.forEach(ip -> out.add(new Cidr(ip, ip.isV4() ? NETWORK_V4 : NETWORK_V6)));
        return out;
    }

    /**
     * Merges two blocks only when they are the two halves of their parent, until nothing merges:
     * the result allows exactly the addresses of {@code blocks}, in fewer blocks.
     */
    static List<Cidr> merge(TreeSet<Cidr> blocks) {
        TreeSet<Cidr> set = new TreeSet<>(blocks);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Cidr c : List.copyOf(set)) {
                if (!set.contains(c) || c.prefix() == 0) {
                    continue;
                }
                Cidr parent = new Cidr(c.base(), c.prefix() - 1);
                Cidr low = new Cidr(parent.base(), c.prefix());
                Cidr high = sibling(low);
                if (high != null && set.contains(low) && set.contains(high)) {
                    set.remove(low);
                    set.remove(high);
                    set.add(parent);
                    changed = true;
                }
            }
        }
        return List.copyOf(set);
    }

    /** The upper half of {@code low}'s parent. */
    private static Cidr sibling(Cidr low) {
        int bits = (low.base().isV4() ? 32 : 128) - low.prefix();
        long hi = low.base().hi();
        long lo = low.base().lo();
        if (bits < 64) {
            lo |= 1L << bits;
        } else {
            hi |= 1L << (bits - 64);
        }
        return new Cidr(new IpAddress(hi, lo), low.prefix());
    }

    private static boolean outsideVpc(IpAddress ip, NetworkInventory inventory) {
        return !inventory.cidrs().isEmpty() && inventory.cidrs().stream().noneMatch(c -> c.contains(ip));
    }

    /** Whether {@code server} is an address of the load balancer {@code service} created, per the inventory. */
    private static boolean isLoadBalancerOf(ServiceInfo service, Peer server, NetworkInventory inventory) {
        if (server.kind() != Peer.Kind.VPC_ADDRESS || server.ip() == null) {
            return false;
        }
        VpcAddress a = inventory.lookup(server.ip());
        if (a == null || a.name() == null || a.kind() != VpcAddress.Kind.NETWORK_LOAD_BALANCER
                && a.kind() != VpcAddress.Kind.APPLICATION_LOAD_BALANCER && a.kind() != VpcAddress.Kind.CLASSIC_LOAD_BALANCER) {
            return false;
        }
        return createdBy(service, a.name());
    }

    /**
     * The DNS name of an ELB starts with its name ({@code <name>-<id>.elb.<region>.amazonaws.com});
     * the AWS Load Balancer Controller names them {@code k8s-<namespace>-<service>-<uid>}, each part
     * cut to 8 (10) alphanumerics.
     */
    static boolean createdBy(ServiceInfo service, String loadBalancerName) {
        String lb = loadBalancerName.toLowerCase(Locale.ROOT);
        for (String host : service.loadBalancerIngress()) {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.startsWith(lb + "-") || h.startsWith(lb + ".")) {
                return true;
            }
        }
        String prefix = "k8s-" + cut(service.namespace()) + "-" + cut(service.name()) + "-";
        return lb.startsWith(prefix) && lb.length() == prefix.length() + 10;
    }

    private static String cut(String name) {
        String alnum = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return alnum.length() <= 8 ? alnum : alnum.substring(0, 8);
    }

    private static boolean selects(ServiceInfo service, Peer server, ClusterTimeline cluster) {
        if (server.kind() != Peer.Kind.WORKLOAD || !server.workload().namespace().equals(service.namespace())) {
            return false;
        }
        LabelSelector selector = LabelSelector.of(service.selector());
        return cluster.workloads().stream().filter(w -> w.id().equals(server.workload()))
                .map(Workload::podLabels).anyMatch(selector::matches);
    }

    private static String listed(java.util.Collection<?> items) {
        String shown = items.stream().limit(LISTED).map(Object::toString).collect(Collectors.joining(", "));
        return items.size() > LISTED ? shown + " and " + (items.size() - LISTED) + " more" : shown;
    }
}
