package io.flowpol.inference.model;

/**
 * One in-VPC private address as the AWS network inventory describes it (issue 11 item 2):
 * what holds it ({@code kind}), the name a person knows it by ({@code name}, e.g.
 * {@code k8s-shop-frontend}), and the ENI, instance and VPC behind it ({@code instanceId}
 * null when no instance is attached, e.g. a load balancer or NAT gateway).
 */
public record VpcAddress(IpAddress ip, Kind kind, String name, String eniId, String instanceId, String vpcId) {

    /** What holds the address; the order is the display order of a report's legend. */
    public enum Kind {
        NODE_ENI("node ENI"),
        TRUNK_ENI("trunk ENI"),
        BRANCH_ENI("branch ENI"),
        NETWORK_LOAD_BALANCER("load balancer", "NLB"),
        APPLICATION_LOAD_BALANCER("load balancer", "ALB"),
        CLASSIC_LOAD_BALANCER("load balancer", "CLB"),
        NAT_GATEWAY("NAT gateway"),
        VPC_ENDPOINT("VPC endpoint"),
        EKS_CONTROL_PLANE("EKS control plane"),
        LAMBDA("Lambda"),
        RDS("RDS"),
        REQUESTER_MANAGED("AWS-managed interface"),
        INSTANCE("instance"),
        OTHER("ENI");

        private final String noun;
        private final String suffix;

        Kind(String noun) {
            this(noun, null);
        }

        Kind(String noun, String suffix) {
            this.noun = noun;
            this.suffix = suffix;
        }

        /** The words before the name: {@code load balancer}, {@code VPC endpoint}, ... */
        public String noun() {
            return noun;
        }
    }

    public VpcAddress {
        if (ip == null || kind == null) {
            throw new IllegalArgumentException("ip and kind are required");
        }
    }

    /**
     * The display form used in edges, the report and rule comments:
     * {@code load balancer k8s-shop-frontend (NLB)}, {@code VPC endpoint com.amazonaws.eu-west-1.s3},
     * {@code EKS control plane shop}, {@code trunk ENI of i-0abc (eni-0123)}.
     */
    public String displayName() {
        StringBuilder out = new StringBuilder(kind.noun);
        if (name != null && !name.isEmpty()) {
            out.append(' ').append(name);
        } else if (instanceId != null) {
            out.append(" of ").append(instanceId);
        } else if (eniId != null) {
            out.append(' ').append(eniId);
        }
        if (kind.suffix != null) {
            out.append(" (").append(kind.suffix).append(')');
        }
        return out.toString();
    }
}
