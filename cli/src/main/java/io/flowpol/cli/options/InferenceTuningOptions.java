package io.flowpol.cli.options;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** How flows are resolved and joined; defaults fit a standard EKS VPC. */
public final class InferenceTuningOptions {

    @Option(names = "--vpc-cidr", paramLabel = "CIDR", split = ",",
            description = "The VPC's CIDR blocks: addresses inside are in-VPC (load balancers, ENIs), outside "
                    + "are external. Default: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7.")
    public List<String> vpcCidrs;

    @Option(names = "--join-horizon", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "10m",
            description = "How long records of one connection wait for their partners from the other ENI "
                    + "(v2 records without pkt-* fields). Default: ${DEFAULT-VALUE}.")
    public Duration joinHorizon;
}
