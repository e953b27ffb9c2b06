package io.flowpol.samples;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the scenario's AWS network inventory into {@code aws/}: {@code network-interfaces.json},
 * {@code subnets.json} and {@code vpcs.json}, in the shapes {@code aws ec2
 * describe-network-interfaces}, {@code describe-subnets} and {@code describe-vpcs} print (what
 * {@code flowpol --aws-network FILE...} reads, issue 11 item 4). Every ENI a flow log of the
 * scenario captures at is listed: each node's ENIs (eth0 with an empty description, the VPC CNI's
 * secondary ENIs described {@code aws-K8S-<instance>}; {@code Attachment.InstanceId} is the
 * instance of the node's {@code spec.providerID}), the NLB's ({@code ELB net/<name>/<id>}), the EKS
 * control plane's ({@code Amazon EKS <cluster>}, cross-account: no instance id) and, with external
 * SNAT, the NAT gateway's. The scenario has no interface VPC endpoint.
 *
 * <p>A node ENI lists every secondary IP a pod held on it over the window: ipamd keeps released
 * addresses on the ENI in its warm pool, so one snapshot at any time of the window holds them.
 * Identifiers the flow logs do not show (MACs, attachment and NAT gateway ids) come from a topic
 * of their own, so every other output file stays byte-identical.
 */
final class AwsInventoryWriter {
    /** The EKS cluster's name, as the control plane's ENI descriptions carry it (and the demo's inventory). */
    static final String CLUSTER = "shop-demo";
    /** The public subnet of the NAT gateway ({@link FlowCapture#NAT_GATEWAY_ENI}). */
    private static final int PUBLIC_SUBNET = Ids.ip(10, 0, 0, 0);

    private record Subnet(String id, int base, String zone) {
    }

    private final ClusterPlan plan;
    private final ScenarioOptions options;
    private final Ids ids;
    private final String attachTime;
    private final String securityGroup;
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();

    AwsInventoryWriter(ClusterPlan plan, ScenarioOptions options) {
        this.plan = plan;
        this.options = options;
        this.ids = new Ids(options.seed(), 8);
        this.attachTime = options.start().minus(Duration.ofDays(30)).toString().replace("Z", "+00:00");
        this.securityGroup = ids.aws("sg");
    }

    /** Writes the three files into {@code dir}, created if absent. */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode enis = json.createObjectNode();
        ArrayNode list = enis.putArray("NetworkInterfaces");
        for (NodePlan node : plan.nodes()) {
            subnet(node.subnetId(), node.ip() & 0xFFFFFF00, node.zone());
            for (int device = 0; device < node.enis().size(); device++) {
                nodeEni(list.addObject(), node, device);
            }
        }
        String lbName = loadBalancerName();
        String lbId = ids.hex(16);
        for (Eni eni : plan.loadBalancerEnis()) {
            ObjectNode n = eni(list.addObject(), eni, "ELB net/" + lbName + "/" + lbId, "network_load_balancer",
                    "amazon-elb", true);
            n.putArray("Groups");
            n.putObject("Attachment").put("AttachmentId", "ela-attach-0" + ids.hex(16))
                    .put("DeleteOnTermination", false).put("DeviceIndex", 1).put("InstanceOwnerId", "amazon-aws")
                    .put("Status", "attached");
        }
        // Cross-account: attached to instances of an AWS-owned account, whose ids are not shown.
        String owner = ids.account();
        for (Eni eni : plan.apiServerEnis()) {
            ObjectNode n = eni(list.addObject(), eni, "Amazon EKS " + CLUSTER, "interface", owner, true);
            groups(n);
            n.putObject("Attachment").put("AttachTime", attachTime).put("AttachmentId", "eni-attach-0" + ids.hex(16))
                    .put("DeleteOnTermination", true).put("DeviceIndex", 1).put("InstanceOwnerId", owner)
                    .put("Status", "attached");
        }
        if (options.externalSnat()) {
            Eni nat = FlowCapture.NAT_GATEWAY_ENI;
            subnet(nat.subnetId(), PUBLIC_SUBNET, ClusterPlanner.REGION + "a");
            ObjectNode n = eni(list.addObject(), nat, "Interface for NAT Gateway " + ids.aws("nat"), "nat_gateway",
                    ids.account(), true);
            n.putArray("Groups");
        }
        sortKeys(list);
        write(json, enis, dir.resolve("network-interfaces.json"));
        write(json, subnetsDocument(json), dir.resolve("subnets.json"));
        write(json, vpcsDocument(json), dir.resolve("vpcs.json"));
    }

    /** eth0 (device 0) or a secondary ENI the VPC CNI attached, with every pod address it held. */
    private void nodeEni(ObjectNode n, NodePlan node, int device) {
        Eni eni = node.enis().get(device);
        String instance = eni.instanceId();
        eni(n, eni, device == 0 ? "" : "aws-K8S-" + instance, "interface", null, false);
        groups(n);
        n.putObject("Attachment").put("AttachTime", attachTime).put("AttachmentId", "eni-attach-0" + ids.hex(16))
                .put("DeleteOnTermination", true).put("DeviceIndex", device).put("InstanceId", instance)
                .put("InstanceOwnerId", plan.account()).put("NetworkCardIndex", 0).put("Status", "attached");
        ArrayNode addresses = (ArrayNode) n.get("PrivateIpAddresses");
        for (int ip : secondaryIps(eni)) {
            addresses.addObject().put("Primary", false).put("PrivateDnsName", dnsName(ip))
                    .put("PrivateIpAddress", Ids.ip(ip));
        }
        ArrayNode tags = n.putArray("TagSet");
        if (device > 0) {
            tags.addObject().put("Key", "cluster.k8s.amazonaws.com/name").put("Value", CLUSTER);
            tags.addObject().put("Key", "node.k8s.amazonaws.com/instance_id").put("Value", instance);
        }
    }

    /** The fields every ENI has; {@code requesterId} null for interfaces the account created itself. */
    private ObjectNode eni(ObjectNode n, Eni eni, String description, String type, String requesterId,
            boolean requesterManaged) {
        Subnet subnet = subnets.get(eni.subnetId());
        if (subnet == null) {
            throw new IllegalStateException("ENI " + eni.id() + " in subnet " + eni.subnetId() + " of no node");
        }
        n.put("AvailabilityZone", subnet.zone());
        n.put("Description", description);
        n.put("InterfaceType", type);
        n.putArray("Ipv6Addresses");
        n.put("MacAddress", mac());
        n.put("NetworkInterfaceId", eni.id());
        n.put("OwnerId", plan.account());
        n.put("PrivateDnsName", dnsName(eni.primaryIp()));
        n.put("PrivateIpAddress", Ids.ip(eni.primaryIp()));
        n.putArray("PrivateIpAddresses").addObject().put("Primary", true).put("PrivateDnsName", dnsName(eni.primaryIp()))
                .put("PrivateIpAddress", Ids.ip(eni.primaryIp()));
        if (requesterId != null) {
            n.put("RequesterId", requesterId);
        }
        n.put("RequesterManaged", requesterManaged);
        n.put("SourceDestCheck", true);
        n.put("Status", "in-use");
        n.put("SubnetId", eni.subnetId());
        n.putArray("TagSet");
        n.put("VpcId", plan.vpcId());
        return n;
    }

    /** Secondary IPs of {@code eni}: those its pods held over the window, ascending. */
    private TreeSet<Integer> secondaryIps(Eni eni) {
        TreeSet<Integer> ips = new TreeSet<>();
        for (PodPlan p : plan.pods()) {
            if (p.eni() != null && p.eni().id().equals(eni.id()) && p.ip() != eni.primaryIp()) {
                ips.add(p.ip());
            }
        }
        return ips;
    }

    private void groups(ObjectNode n) {
        n.putArray("Groups").addObject().put("GroupId", securityGroup).put("GroupName", "eks-cluster-sg-" + CLUSTER);
    }

    /** The NLB's name: its DNS name up to the {@code .elb.} part ({@code <name>.elb.<region>.amazonaws.com}). */
    private String loadBalancerName() {
        for (ServicePlan s : plan.services()) {
            String host = s.loadBalancerHostname();
            if (host != null && host.contains(".elb.")) {
                return host.substring(0, host.indexOf(".elb."));
            }
        }
        throw new IllegalStateException("the scenario has no LoadBalancer Service for its NLB's ENIs");
    }

    private void subnet(String id, int base, String zone) {
        subnets.putIfAbsent(id, new Subnet(id, base, zone));
    }

    private ObjectNode subnetsDocument(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("Subnets");
        for (Subnet s : subnets.values()) {
            boolean publicSubnet = s.base() == PUBLIC_SUBNET;
            ObjectNode n = list.addObject();
            n.put("AvailabilityZone", s.zone());
            n.put("AvailableIpAddressCount", 200);
            n.put("CidrBlock", Ids.ip(s.base()) + "/24");
            n.put("DefaultForAz", false);
            n.put("MapPublicIpOnLaunch", publicSubnet);
            n.put("State", "available");
            n.put("SubnetId", s.id());
            n.put("VpcId", plan.vpcId());
            n.put("OwnerId", plan.account());
            n.put("AssignIpv6AddressOnCreation", false);
            n.putArray("Ipv6CidrBlockAssociationSet");
            n.put("SubnetArn", "arn:aws:ec2:" + plan.region() + ":" + plan.account() + ":subnet/" + s.id());
            n.putArray("Tags").addObject().put("Key", "kubernetes.io/role/" + (publicSubnet ? "elb" : "internal-elb"))
                    .put("Value", "1");
        }
        return root;
    }

    private ObjectNode vpcsDocument(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode vpc = root.putArray("Vpcs").addObject();
        vpc.put("CidrBlock", ClusterPlan.VPC_CIDR);
        vpc.put("DhcpOptionsId", ids.aws("dopt"));
        vpc.put("State", "available");
        vpc.put("VpcId", plan.vpcId());
        vpc.put("OwnerId", plan.account());
        vpc.put("InstanceTenancy", "default");
        vpc.putArray("CidrBlockAssociationSet").addObject().put("AssociationId", ids.aws("vpc-cidr-assoc"))
                .put("CidrBlock", ClusterPlan.VPC_CIDR).putObject("CidrBlockState").put("State", "associated");
        vpc.put("IsDefault", false);
        return root;
    }

    /** EC2 MACs are locally administered unicast addresses ({@code 02:…}, {@code 06:…}). */
    private String mac() {
        String h = ids.hex(10);
        StringBuilder out = new StringBuilder("06");
        for (int i = 0; i < 10; i += 2) {
            out.append(':').append(h, i, i + 2);
        }
        return out.toString();
    }

    private String dnsName(int ip) {
        return "ip-" + Ids.ip(ip).replace('.', '-') + "." + plan.region() + ".compute.internal";
    }

    /** describe-network-interfaces prints each interface's members in name order. */
    private static void sortKeys(ArrayNode list) {
        for (int i = 0; i < list.size(); i++) {
            ObjectNode n = (ObjectNode) list.get(i);
            Map<String, com.fasterxml.jackson.databind.JsonNode> sorted = new java.util.TreeMap<>();
            n.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            n.removeAll();
            n.setAll(sorted);
        }
    }

    /** As the AWS CLI prints JSON: four-space indent, {@code "Key": value}, {@code []} when empty. */
    private static void write(ObjectMapper json, ObjectNode root, Path file) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator("")
                .withObjectEmptySeparator("")).withObjectIndenter(indenter).withArrayIndenter(indenter);
        Files.writeString(file, json.writer(printer).writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }
}
