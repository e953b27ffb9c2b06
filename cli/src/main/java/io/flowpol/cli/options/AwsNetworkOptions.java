package io.flowpol.cli.options;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The AWS network inventory that names in-VPC peers (issue 11 items 2-3). */
public final class AwsNetworkOptions {
    /** The value of {@code --aws-network} that reads the inventory through the EC2 API. */
    public static final String LIVE = "live";

    @Option(names = "--aws-network", paramLabel = "FILE|live", arity = "1..*",
            description = "JSON printed by 'aws ec2 describe-network-interfaces' (and optionally describe-subnets, "
                    + "describe-vpcs, describe-vpc-endpoints) for the flow logs' VPC, or 'live' to read the same through "
                    + "the EC2 API (--region, --profile, --endpoint-url, --vpc-id): names load balancers, NAT gateways, "
                    + "VPC endpoints, the EKS control plane and other ENIs in the report, edges.json and rule comments "
                    + "instead of vpc/ADDRESS, and ties each ENI to its node. Default: the snapshots the recording "
                    + "holds (record --aws-network live), else none (VPC addresses stay unnamed).")
    public List<Path> files;

    @Option(names = "--vpc-id", paramLabel = "VPC",
            description = "With --aws-network live: the VPC to read. Default: the VPC whose ENIs hold the recorded "
                    + "nodes' addresses (on EKS, the flow logs' VPC).")
    public String vpcId;

    /** Whether {@code --aws-network live} was given (a file named live is {@code ./live}). */
    public boolean live() {
        return files != null && files.size() == 1 && LIVE.equals(files.get(0).toString());
    }

    /** For {@code record}: how often the inventory is snapshot. */
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(5);
}
