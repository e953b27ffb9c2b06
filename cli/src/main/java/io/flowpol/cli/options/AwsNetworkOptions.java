package io.flowpol.cli.options;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The AWS network inventory that names in-VPC peers (issue 11 items 2-3). */
public final class AwsNetworkOptions {

    @Option(names = "--aws-network", paramLabel = "FILE", arity = "1..*",
            description = "JSON printed by 'aws ec2 describe-network-interfaces' (and optionally describe-subnets, "
                    + "describe-vpcs, describe-vpc-endpoints) for the flow logs' VPC: names load balancers, NAT gateways, "
                    + "VPC endpoints, the EKS control plane and other ENIs in the report, edges.json and rule comments "
                    + "instead of vpc/ADDRESS. Default: none (VPC addresses stay unnamed).")
    public List<Path> files;
}
