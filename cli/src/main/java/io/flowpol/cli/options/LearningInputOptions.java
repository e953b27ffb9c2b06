package io.flowpol.cli.options;

import picocli.CommandLine.Mixin;

/**
 * What a command that learns from files reads, as one mixin (issue 17: the six groups were
 * repeated, in one order, in each such command): the flow logs and where they come from (AWS,
 * the VPC inventory), the cluster recording, the time window and the inference tuning. {@code
 * learn} records the cluster live and {@code verify}/{@code diff} need no VPC inventory, so they
 * still take the groups one by one.
 */
public final class LearningInputOptions {
    @Mixin
    public final FlowLogInputOptions flowLogs = new FlowLogInputOptions();

    @Mixin
    public final AwsOptions aws = new AwsOptions();

    @Mixin
    public final AwsNetworkOptions awsNetwork = new AwsNetworkOptions();

    @Mixin
    public final ClusterInputOptions cluster = new ClusterInputOptions();

    @Mixin
    public final WindowOptions window = new WindowOptions();

    @Mixin
    public final InferenceTuningOptions tuning = new InferenceTuningOptions();
}
