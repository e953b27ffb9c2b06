package io.flowpol.cli;

import io.flowpol.cli.options.AwsNetworkOptions;
import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.ClusterInputOptions;
import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.cli.options.LearningInputOptions;
import io.flowpol.cli.options.PolicyOptions;
import io.flowpol.cli.options.VerboseOption;
import io.flowpol.cli.options.WindowOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowpol generate}: learn edges from one window and write reviewed-ready policies. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Learn policies from flow logs and a cluster recording and write them for review.",
            "",
            "Resolves every flow to the workloads at both ends at the time of the flow, aggregates edges, and writes NetworkPolicy and Calico GlobalNetworkPolicy YAML, kustomization.yaml, edges.json and report.md to --out. The generated policies are replayed against the window first: if they would deny an observed flow, nothing is written and the exit code is 3."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The six learning-input groups, in one mixin; the fields below name its parts for the code. */
    @Mixin
    LearningInputOptions input = new LearningInputOptions();
    final FlowLogInputOptions flowLogs = input.flowLogs;
    final AwsOptions aws = input.aws;
    final AwsNetworkOptions awsNetwork = input.awsNetwork;
    final ClusterInputOptions cluster = input.cluster;
    final WindowOptions window = input.window;
    final InferenceTuningOptions tuning = input.tuning;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Output directory; written to a temporary directory beside it and moved into place "
                    + "only when complete. An existing directory is replaced only if it is empty or every file in it "
                    + "is flowpol's, as its .flowpol-manifest lists it, unchanged; checked before any input is read. "
                    + "A symbolic link stays a link to the new output.")
    Path out;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() {
        validate();
        var err = spec.commandLine().getErr();
        AwsNetwork.Source network = AwsNetwork.prepare(awsNetwork, aws);
        RendererPreparation renderer = RendererPreparation.start(policy.templates);
        tuning.summariseAbove = policy.summariseAbove();
        LearningPipeline.Learned learned = LearningPipeline.run(spec.commandLine(), flowLogs, aws, cluster, window, tuning,
                network);
        EmptyWindow.check(learned, policy.allowEmpty);
        PolicyRun.run(policy, renderer, learned, AwsNetwork.check(learned.inventory(), learned.result(), err), tuning.vpcCidrs,
                out,
                spec.commandLine().getOut(), err);
        return ExitCodes.OK;
    }

    private void validate() {
        policy.validate();
        OutputWriter.checkTarget(out);
    }
}
