package io.flowpol.cli;

import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.ClusterInputOptions;
import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.cli.options.VerboseOption;
import io.flowpol.cli.options.WindowOptions;
import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.snat.SnatReplay;
import io.flowpol.templates.diff.SnatReplayRenderer;
import io.flowpol.ingest.policy.PolicyReadResult;
import io.flowpol.ingest.policy.PolicyReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowpol verify}: replay the window's observed edges against a policy directory. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check that a policy set allows every observed flow (exit 3 if not).",
            "",
            "Replays every observed, resolvable connection of the window against a set of NetworkPolicy and Calico policy YAML, prints the edges that would be denied with the deciding policy, and exits 3 when any observed edge is denied. SNAT-ed egress to the internet (sender hidden behind a node address) is listed where the policies deny some of its candidate workloads; it does not change the exit code."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policies", paramLabel = "PATH", arity = "1..*", required = true,
            description = "Policy YAML/JSON files or directories (read recursively), e.g. a generate output directory.")
    List<Path> policies;

    @Mixin
    FlowLogInputOptions flowLogs = new FlowLogInputOptions();

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Mixin
    ClusterInputOptions cluster = new ClusterInputOptions();

    @Mixin
    WindowOptions window = new WindowOptions();

    @Mixin
    InferenceTuningOptions tuning = new InferenceTuningOptions();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        PolicyReadResult read = new PolicyReader().read(policies);
        PolicyWarnings.report(read.warnings(), flowLogs.strict, spec.commandLine().getErr());
        if (verbose.verbose) {
            read.ignored().forEach(d -> out.printf("flowpol: ignored %s document %d: %s %s%n",
                    d.file(), d.documentIndex(), d.apiVersion(), d.kind()));
        } else if (!read.ignored().isEmpty()) {
            out.printf("flowpol: ignored %d document(s) that are not NetworkPolicy or Calico policies (--verbose lists them)%n",
                    read.ignored().size());
        }
        if (read.policies().networkPolicies().isEmpty() && read.policies().calicoPolicies().isEmpty()
                && read.policies().adminPolicies().isEmpty()) {
            // No policy selects anything, so everything is allowed: a pass that likely means a wrong path.
            spec.commandLine().getErr().println("flowpol: warning: --policies " + policies.stream().map(Object::toString)
                    .collect(java.util.stream.Collectors.joining(", ")) + " holds no NetworkPolicy or Calico policy: "
                    + "nothing is restricted, so every observed edge passes");
        }
        LearningPipeline.Learned learned = LearningPipeline.run(spec.commandLine(), flowLogs, aws, cluster, window, tuning);
        var edges = learned.result().edges();
        EndpointCatalog catalog = new EndpointCatalog(learned.recording().timeline());
        List<EdgeReplay.EdgeOutcome> denied = SelfCheck.denied(read.policies(), edges, catalog);
        SelfCheck.printDenied(denied, out);
        // Issue 14: the sender of SNAT-ed egress is one of its candidates; say which the policies would deny.
        out.print(new SnatReplayRenderer().text(new SnatReplay(new PolicyEngine(read.policies(),
                new CalicoPolicyMatcher(read.policies().networkSets())), catalog).replay(learned.result().snatEgress())));
        int admin = read.policies().adminPolicies().size();
        out.printf("flowpol: %d of %d observed edges allowed by %d NetworkPolicies and %d Calico policies%s%s%n",
                edges.size() - denied.size(), edges.size(), read.policies().networkPolicies().size(),
                read.policies().calicoPolicies().size(), admin == 0 ? "" : " (and " + admin + " admin network policies)",
                denied.isEmpty() ? "" : "; " + denied.size() + " denied");
        long staged = SelfCheck.stagedCount(read.policies());
        if (staged > 0) {
            // Staged policies are not enforced (Calico only reports them): what they would deny never fails verify.
            List<EdgeReplay.EdgeOutcome> wouldDeny = SelfCheck.stagedDenied(read.policies(), edges, catalog, denied);
            SelfCheck.printStagedDenied(wouldDeny, out);
            out.printf("flowpol: staged: %d of %d observed edges allowed once the %d staged policies are enforced%s%n",
                    edges.size() - denied.size() - wouldDeny.size(), edges.size(), staged,
                    wouldDeny.isEmpty() ? "" : "; " + wouldDeny.size() + " would be denied (not enforced: exit code unchanged)");
        }
        out.flush();
        if (!denied.isEmpty()) {
            throw new DeniesObservedTrafficException("the policies would deny " + denied.size() + " observed edge(s)");
        }
        return ExitCodes.OK;
    }
}
