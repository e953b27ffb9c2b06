package io.flowpol.cli;

import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.ClusterInputOptions;
import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.cli.options.KubeOptions;
import io.flowpol.cli.options.VerboseOption;
import io.flowpol.cli.options.WindowOptions;
import io.flowpol.inference.diff.ConnectivityDiff;
import io.flowpol.inference.diff.StructuralDiff;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.templates.diff.DiffFormat;
import io.flowpol.templates.diff.DiffRenderer;
import io.flowpol.templates.diff.DiffReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowpol diff}: what a proposed policy set changes, flow by flow, against the current one. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Dry run: show which observed traffic proposed policies would allow or break (exit 3 if any).",
            "",
            "Evaluates both policy sets on every edge observed in the window (broken flows first), lists what the proposal newly allows towards every kind of peer (internet, API server, nodes, other namespaces, VPC addresses, workloads), riskiest first and summarised by CIDR and port range, what it allows between workloads although it was never observed (over-permission) and unobserved workload pairs whose reachability changes, then the structural diff of the normalised policy documents. Without flow logs and a recording only the structural diff is shown."})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--current", paramLabel = "SOURCE", required = true,
            description = "The policies in force: a directory (or file) of YAML, or 'cluster' to read them from the "
                    + "API server (NetworkPolicies and Calico policies) with --kubeconfig/--context.")
    String current;

    @Option(names = "--proposed", paramLabel = "DIR", required = true,
            description = "The proposed policies, e.g. a generate output directory.")
    Path proposed;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown (what the PR bot posts) or json. Default: ${DEFAULT-VALUE}.")
    String output;

    @Mixin
    FlowLogInputOptions flowLogs = new FlowLogInputOptions();

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--cluster", paramLabel = "PATH", arity = "1..*",
            description = "Cluster recording(s) of the window, as for generate; needed with flow logs.")
    List<Path> recording;

    @Mixin
    WindowOptions window = new WindowOptions();

    @Mixin
    InferenceTuningOptions tuning = new InferenceTuningOptions();

    @Mixin
    KubeOptions kube = new KubeOptions();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() {
        DiffFormat format = parseFormat();
        boolean observed = FlowLogSelection.sources(flowLogs) > 0;
        if (observed != (recording != null)) {
            throw new ParameterException(spec.commandLine(),
                    "flow logs and --cluster go together: give both (connectivity diff) or neither (structural diff only)");
        }
        PolicySide before = PolicySide.load(current, kube);
        PolicySide after = PolicySide.directory(proposed);
        List<InputProblem> warnings = new ArrayList<>(before.warnings());
        warnings.addAll(after.warnings());
        PolicyWarnings.report(warnings, flowLogs.strict, spec.commandLine().getErr());
        ConnectivityDiff connectivity = new ConnectivityDiff(List.of(), List.of(), List.of());
        List<Finding> findings = new ArrayList<>();
        before.notes().forEach(n -> findings.add(new Finding(Finding.Severity.INFO, "current-policies", n, 0)));
        if (observed) {
            ClusterInputOptions cluster = new ClusterInputOptions();
            cluster.paths = recording;
            LearningPipeline.Learned learned = LearningPipeline.run(spec.commandLine(), flowLogs, aws, cluster, window,
                    tuning);
            connectivity = NewReachabilities.dryRun(learned, before, after, tuning.vpcCidrs);
            findings.addAll(learned.result().findings());
        }
        StructuralDiff structure = StructuralDiff.of(before.documents(), after.documents());
        DiffReport report = new DiffReport(before.name(), after.name(), connectivity, structure, findings);
        var out = spec.commandLine().getOut();
        out.print(new DiffRenderer().render(report, format));
        out.flush();
        long denied = connectivity.deniedAfter();
        if (denied > 0) {
            throw new DeniesObservedTrafficException("the proposed policies would deny " + denied + " observed edge(s) ("
                    + connectivity.broken() + " allowed by the current ones)");
        }
        return ExitCodes.OK;
    }

    private DiffFormat parseFormat() {
        try {
            return DiffFormat.parse(output);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "--output: expected text, markdown or json, found '" + output + "'");
        }
    }
}
