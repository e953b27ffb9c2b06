package io.flowpol.ingest.inventory;

import io.flowpol.inference.model.VpcAddress;
import java.util.Locale;

/**
 * What holds an ENI, from the fields AWS fills in (issue 11 item 2): {@code InterfaceType}
 * first, then the {@code Description} AWS services write on the interfaces they create
 * ({@code ELB net/…}, {@code ELB app/…}, {@code ELB <name>}, {@code Amazon EKS <cluster>}),
 * then requester-managed and attached instances.
 */
final class EniClassifier {
    /** Kind and display name of one ENI. */
    record Classification(VpcAddress.Kind kind, String name) {
    }

    private EniClassifier() {
    }

    static Classification classify(String interfaceType, String description, boolean requesterManaged,
                                   String requesterId, String instanceId, String endpointService) {
        String type = interfaceType == null ? "interface" : interfaceType;
        String desc = description == null ? "" : description.trim();
        switch (type) {
            case "network_load_balancer":
                return new Classification(VpcAddress.Kind.NETWORK_LOAD_BALANCER, elbName(desc));
            case "nat_gateway":
                return new Classification(VpcAddress.Kind.NAT_GATEWAY, lastToken(desc, "nat-"));
            case "vpc_endpoint":
            case "gateway_load_balancer_endpoint":
                return new Classification(VpcAddress.Kind.VPC_ENDPOINT,
                        endpointService != null ? endpointService : lastToken(desc, "vpce-"));
            case "trunk":
                return new Classification(VpcAddress.Kind.TRUNK_ENI, null);
            case "branch":
                return new Classification(VpcAddress.Kind.BRANCH_ENI, null);
            case "lambda":
                return new Classification(VpcAddress.Kind.LAMBDA, lambdaName(desc));
            default:
                break;
        }
        if (desc.startsWith("ELB app/")) {
            return new Classification(VpcAddress.Kind.APPLICATION_LOAD_BALANCER, elbName(desc));
        }
        if (desc.startsWith("ELB net/")) {
            return new Classification(VpcAddress.Kind.NETWORK_LOAD_BALANCER, elbName(desc));
        }
        if (desc.startsWith("ELB ")) {
            return new Classification(VpcAddress.Kind.CLASSIC_LOAD_BALANCER, desc.substring(4).trim());
        }
        // EKS writes "Amazon EKS <cluster>" on the cross-account ENIs of the API server.
        if (desc.startsWith("Amazon EKS ")) {
            return new Classification(VpcAddress.Kind.EKS_CONTROL_PLANE, desc.substring("Amazon EKS ".length()).trim());
        }
        if (desc.startsWith("RDSNetworkInterface") || "amazon-rds".equals(requesterId)) {
            return new Classification(VpcAddress.Kind.RDS, null);
        }
        if (desc.startsWith("AWS Lambda VPC ENI")) {
            return new Classification(VpcAddress.Kind.LAMBDA, lambdaName(desc));
        }
        if (instanceId != null) {
            // The VPC CNI names the secondary ENIs it attaches "aws-K8S-<instance>".
            boolean cni = desc.toLowerCase(Locale.ROOT).startsWith("aws-k8s-");
            return new Classification(cni ? VpcAddress.Kind.NODE_ENI : VpcAddress.Kind.INSTANCE, null);
        }
        if (requesterManaged) {
            return new Classification(VpcAddress.Kind.REQUESTER_MANAGED, desc.isEmpty() ? requesterId : desc);
        }
        return new Classification(VpcAddress.Kind.OTHER, desc.isEmpty() ? null : desc);
    }

    /** {@code ELB net/k8s-shop-frontend/0123abcd} → {@code k8s-shop-frontend}. */
    private static String elbName(String desc) {
        String rest = desc.startsWith("ELB ") ? desc.substring(4) : desc;
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return rest.isEmpty() ? null : rest;
        }
        int end = rest.indexOf('/', slash + 1);
        return rest.substring(slash + 1, end < 0 ? rest.length() : end);
    }

    /** The last space-separated token if it starts with {@code prefix} (an AWS resource id), else null. */
    private static String lastToken(String desc, String prefix) {
        int space = desc.lastIndexOf(' ');
        String last = desc.substring(space + 1);
        return last.startsWith(prefix) ? last : null;
    }

    /** {@code AWS Lambda VPC ENI-orders-fn-8b7c…} → {@code orders-fn-8b7c…}. */
    private static String lambdaName(String desc) {
        String prefix = "AWS Lambda VPC ENI-";
        return desc.startsWith(prefix) ? desc.substring(prefix.length()) : null;
    }
}
