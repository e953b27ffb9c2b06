package io.flowpol.cli;

import io.flowpol.cli.options.AwsNetworkOptions;
import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.ClusterInputOptions;
import io.flowpol.cli.options.KubeOptions;
import io.flowpol.cli.options.DurationConverter;
import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.cli.options.PolicyOptions;
import io.flowpol.cli.options.VerboseOption;
import io.flowpol.cli.options.WindowOptions;
import io.flowpol.inference.history.LearnedState;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.ingest.state.StateLock;
import io.flowpol.ingest.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowpol learn}: learn one window, merge it into the state of earlier ones, write the policies. */
@Command(name = "learn", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run a learning window and merge it into the policies learned before.",
            "",
            "Records the cluster for --window (or takes --cluster), reads the flow logs of exactly that window, merges the learned edges into --state (a workload's policy is the union over windows; edges unseen for longer than --forget-after are dropped and listed in the report), and writes the policies of the merged state to --out as 'generate' does. The state is saved only when everything succeeded."})
public final class LearnCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--window", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to record and learn, e.g. 24h. Required unless --cluster is given with "
                    + "--since and --until; with --cluster and one of them, the other is derived.")
    Duration windowLength;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Output directory, as for 'generate': replaced only when complete, and only if it is empty "
                    + "or flowpol's own output (checked before recording).")
    Path out;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".flowpol/state",
            description = "Where learned edges persist between windows (state.json, recordings/). One learn "
                    + "run at a time per state: a second one fails at once naming the first (learn.lock). "
                    + "Default: ${DEFAULT-VALUE}.")
    Path stateDir;

    @Option(names = "--forget-after", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "30d",
            description = "Drop edges last seen longer than this before the newest observation. Default: ${DEFAULT-VALUE}.")
    Duration forgetAfter;

    @Mixin
    FlowLogInputOptions flowLogs = new FlowLogInputOptions();

    @Option(names = "--cluster", paramLabel = "PATH", arity = "1..*",
            description = "A recording of the window already made ('flowpol record', or 'kubectl get -o json' "
                    + "snapshots). Default: record the cluster now for --window.")
    List<Path> recordings;

    @Mixin
    WindowOptions window = new WindowOptions();

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Mixin
    AwsNetworkOptions awsNetwork = new AwsNetworkOptions();

    @Mixin
    KubeOptions kube = new KubeOptions();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", split = ",",
            description = "Record only these namespaces' pods, services and controllers. Default: all namespaces.")
    List<String> namespaces;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Mixin
    InferenceTuningOptions tuning = new InferenceTuningOptions();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() {
        validate();
        var err = spec.commandLine().getErr();
        AwsNetwork.Source network = AwsNetwork.prepare(awsNetwork, aws);
        // The whole run, from reading the state to saving it: two runs on one state would each
        // merge into the same old state and the last to save would drop the other's window.
        try (StateLock lock = StateLock.acquire(stateDir, Instant.now())) {
            if (lock.stale() != null) {
                err.printf("flowpol: warning: %s: the learn run before (%s) ended without releasing the state "
                        + "(killed?); the state holds what was saved before it%n", stateDir.resolve(StateLock.FILE),
                        lock.stale());
                err.flush();
            }
            return learn(err, network);
        }
    }

    private int learn(java.io.PrintWriter err, AwsNetwork.Source network) {
        StateStore store = new StateStore(stateDir);
        // read the state before a window of hours is recorded: a corrupt one fails now, not tomorrow
        LearnedState prior = store.load();
        ClusterInputOptions cluster = new ClusterInputOptions();
        WindowOptions learnWindow = new WindowOptions();
        if (recordings == null) {
            // --aws-network live: snapshots every few minutes into the window's recording, read back from it.
            LiveWindow.Recorded recorded = LiveWindow.record(kube.kubeconfigOrNull(), kube.context,
                    namespaces == null ? List.of() : namespaces, windowLength, store.recordingsDir(), err,
                    (client, recorder) -> InventoryPolling.setUp(awsNetwork, aws, AwsNetworkOptions.DEFAULT_EVERY, client, err)
                            .accept(recorder));
            if (awsNetwork.live()) {
                network = AwsNetwork.Source.RECORDED;
            }
            cluster.paths = List.of(recorded.file());
            learnWindow.since = recorded.start();
            learnWindow.until = recorded.end();
        } else {
            cluster.paths = recordings;
            learnWindow.since = window.since;
            learnWindow.until = window.until;
            if (windowLength != null && window.since == null) {
                learnWindow.since = window.until.minus(windowLength);
            } else if (windowLength != null && window.until == null) {
                learnWindow.until = window.since.plus(windowLength);
            }
        }
        RendererPreparation renderer = RendererPreparation.start(policy.templates);
        LearningPipeline.Learned learned = LearningPipeline.run(spec.commandLine(), flowLogs, aws, cluster, learnWindow,
                tuning, network);
        EmptyWindow.check(learned, policy.allowEmpty);
        StateUpdate update = StateUpdate.of(prior, learned, learnWindow, forgetAfter);
        PolicyRun.run(policy, renderer, update.learned(), AwsNetwork.check(learned.inventory(), update.learned().result(), err),
                tuning.vpcCidrs, out,
                spec.commandLine().getOut(), err);
        store.save(update.state());
        update.print(spec.commandLine().getOut(), err, store.file());
        return ExitCodes.OK;
    }

    private void validate() {
        policy.validate();
        OutputWriter.checkTarget(out);
        if (Files.exists(stateDir) && !Files.isDirectory(stateDir)) {
            // found now, not after a window of learning whose policies would then be written without their state
            throw new InputException(InputProblem.error(stateDir.toString(), 0, "--state", "a directory", "a file"));
        }
        if (forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new InputException(InputProblem.error(null, 0, "--forget-after", "a positive duration", shown(forgetAfter)));
        }
        if (windowLength != null && (windowLength.isNegative() || windowLength.isZero())) {
            throw new InputException(InputProblem.error(null, 0, "--window", "a positive duration", shown(windowLength)));
        }
        tuning.validate();
        if (recordings == null) {
            if (windowLength == null) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--window=DURATION' "
                        + "(or give --cluster with --since and --until)");
            }
            if (window.since != null || window.until != null) {
                throw new ParameterException(spec.commandLine(), "--since/--until need --cluster: a window that "
                        + "learn records itself starts now");
            }
        } else if (windowLength != null && (window.since == null) == (window.until == null)) {
            throw new ParameterException(spec.commandLine(), "--window with --cluster needs exactly one of "
                    + "--since and --until (the other is derived)");
        }
    }

    private static String shown(Duration d) {
        return DurationConverter.shown(d);
    }
}
