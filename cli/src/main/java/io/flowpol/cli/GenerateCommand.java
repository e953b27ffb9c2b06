package io.flowpol.cli;

import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.ClusterInputOptions;
import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.cli.options.VerboseOption;
import io.flowpol.cli.options.WindowOptions;
import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.synthesize.PolicySynthesizer;
import io.flowpol.inference.synthesize.SynthesisOptions;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

    @Mixin
    FlowLogInputOptions flowLogs = new FlowLogInputOptions();

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Mixin
    ClusterInputOptions cluster = new ClusterInputOptions();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Output directory; written to a temporary directory beside it and moved into place "
                    + "only when complete. An existing flowpol output directory is replaced.")
    Path out;

    @Mixin
    WindowOptions window = new WindowOptions();

    @Option(names = "--min-connections", paramLabel = "N", defaultValue = "1",
            description = "Leave out edges seen with fewer than N connections (listed in the report). "
                    + "Default: ${DEFAULT-VALUE}.")
    int minConnections;

    @Option(names = "--aggregate-external", paramLabel = "/N", defaultValue = "/32",
            description = "Widen external IPv4 destinations to /N blocks in ipBlock rules. Default: ${DEFAULT-VALUE}.")
    String aggregateExternal;

    @Option(names = "--exclude-namespace", paramLabel = "NS", split = ",",
            defaultValue = "kube-system,kube-public,kube-node-lease",
            description = "Namespaces that get no policies (traffic to them is still allowed by the others' egress). "
                    + "Default: ${DEFAULT-VALUE}.")
    Set<String> excludedNamespaces;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A directory of FreeMarker templates that override the built-in ones by file name.")
    Path templates;

    @Mixin
    InferenceTuningOptions tuning = new InferenceTuningOptions();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() {
        validate();
        var err = spec.commandLine().getErr();
        var outWriter = spec.commandLine().getOut();
        FlowLogSelection.check(spec.commandLine(), flowLogs, window);
        LearningPipeline.Learned learned = LearningPipeline.run(flowLogs, aws, cluster, window, tuning, err);
        SynthesizedPolicies policies = new PolicySynthesizer(new SynthesisOptions(minConnections, prefix(), 128,
                excludedNamespaces)).synthesize(learned.result(), learned.recording().timeline());
        List<EdgeReplay.EdgeOutcome> denied = SelfCheck.denied(policies.policies(), learned.result().edges(),
                new EndpointCatalog(learned.recording().timeline()));
        if (!denied.isEmpty()) {
            SelfCheck.printDenied(denied, err);
            throw new DeniesObservedTrafficException("generated policies would deny " + denied.size()
                    + " observed edge(s); nothing was written (this is a flowpol bug: please report it with the edges above)");
        }
        OutputWriter.write(out, templates, policies, learned);
        Summary.print(outWriter, err, out, policies, learned);
        return ExitCodes.OK;
    }

    private void validate() {
        prefix();
        if (minConnections < 1) {
            throw new InputException(InputProblem.error(null, 0, "--min-connections", "a number >= 1",
                    Integer.toString(minConnections)));
        }
        if (Files.isRegularFile(out)) {
            throw new InputException(InputProblem.error(out.toString(), 0, "--out", "a directory", "a file"));
        }
    }

    private int prefix() {
        String v = aggregateExternal.startsWith("/") ? aggregateExternal.substring(1) : aggregateExternal;
        try {
            int n = Integer.parseInt(v);
            if (n >= 8 && n <= 32) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new InputException(InputProblem.error(null, 0, "--aggregate-external", "/8 to /32", aggregateExternal));
    }
}
