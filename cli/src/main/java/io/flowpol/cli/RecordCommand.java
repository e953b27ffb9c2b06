package io.flowpol.cli;

import io.flowpol.cli.options.AwsNetworkOptions;
import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.DurationConverter;
import io.flowpol.cli.options.KubeOptions;
import io.flowpol.cli.options.VerboseOption;
import io.flowpol.ingest.record.ClusterRecorder;
import io.flowpol.ingest.record.KubeClientFactory;
import io.flowpol.ingest.record.RecorderOptions;
import io.flowpol.ingest.record.RecorderProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowpol record}: watch the cluster and write the recording a learning window needs. */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Record the cluster's pods, owners and addresses over a learning window.",
            "",
            "Lists, then watches Namespaces, Nodes, Pods, Services, EndpointSlices and the workload controllers, and writes every event as a JSON line with the time it was observed, so that each pod IP can later be resolved at the time of a flow. Flushes every second; stops at the end of --duration or on SIGINT/SIGTERM, leaving a valid file. Needs the read-only RBAC in samples/deploy/rbac.yaml."})
public final class RecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The recording (JSON Lines). An existing non-empty file is refused unless --append.")
    Path out;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to record, e.g. 24h. Default: until interrupted.")
    Duration duration;

    @Option(names = "--append", description = "Continue an existing recording: write only what changed since it ended.")
    boolean append;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", split = ",",
            description = "Only these namespaces' pods, services and controllers (Namespaces, Nodes and the API "
                    + "server endpoints are always recorded). Default: all namespaces.")
    List<String> namespaces;

    @Mixin
    KubeOptions kube = new KubeOptions();

    @Mixin
    AwsNetworkOptions awsNetwork = new AwsNetworkOptions();

    @Option(names = "--aws-network-every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --aws-network live: how often the VPC's network inventory is snapshot into the "
                    + "recording (load balancer and node ENIs come and go within a window). Default: 5m.")
    Duration awsNetworkEvery = AwsNetworkOptions.DEFAULT_EVERY;

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean existed = Files.exists(out);
        try {
            return record(err);
        } catch (RuntimeException e) {
            deleteIfEmptyAndOurs(existed);
            throw e;
        }
    }

    /** A run that failed before recording anything leaves no empty file behind (it would pass as a recording). */
    private void deleteIfEmptyAndOurs(boolean existed) {
        try {
            if (!existed && Files.isRegularFile(out) && Files.size(out) == 0) {
                Files.delete(out);
            }
        } catch (IOException ignored) {
            // the original failure is the one to report
        }
    }

    private Integer record(PrintWriter err) {
        var client = KubeClientFactory.create(kube.kubeconfigOrNull(), kube.context);
        RecorderOptions options = new RecorderOptions(out, duration, namespaces == null ? List.of() : namespaces, append);
        ClusterRecorder recorder = new ClusterRecorder(client, options, p -> progress(err, p), Duration.ofSeconds(10));
        InventoryPolling.setUp(awsNetwork, aws, awsNetworkEvery, client, err).accept(recorder);
        Thread hook = new Thread(recorder::stop, "flowpol-record-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        RecorderProgress done;
        try {
            done = recorder.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM is stopping on a signal
            }
        }
        spec.commandLine().getOut().printf("flowpol: recorded %,d events (%d pods tracked, %d reconnects, %d re-lists) to %s%n",
                done.events(), done.podsTracked(), done.reconnects(), done.relists(), out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static void progress(PrintWriter err, RecorderProgress p) {
        err.printf("flowpol: recording: %s elapsed%s, %,d events, %d pods tracked%n", human(p.elapsed()),
                p.remaining() == null ? "" : ", " + human(p.remaining()) + " remaining", p.events(), p.podsTracked());
        err.flush();
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
