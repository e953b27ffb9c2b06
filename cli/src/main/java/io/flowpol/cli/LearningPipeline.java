package io.flowpol.cli;

import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.ClusterInputOptions;
import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.cli.options.WindowOptions;
import io.flowpol.inference.FlowInference;
import io.flowpol.inference.InferenceOptions;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.ingest.cloudwatch.CloudWatchClients;
import io.flowpol.ingest.cloudwatch.CloudWatchFlowLogReader;
import io.flowpol.ingest.cloudwatch.CloudWatchSource;
import io.flowpol.ingest.cloudwatch.InsightsAggregator;
import io.flowpol.ingest.cluster.ClusterRecording;
import io.flowpol.ingest.cluster.ClusterRecordingReader;
import io.flowpol.ingest.flowlog.FlowLogFiles;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import io.flowpol.ingest.flowlog.FlowLogOptions;
import io.flowpol.ingest.flowlog.FlowLogReading;
import io.flowpol.ingest.flowlog.InputProgress;
import io.flowpol.ingest.s3.S3Clients;
import io.flowpol.ingest.s3.S3FlowLogReader;
import io.flowpol.ingest.s3.S3Source;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Reads the recording and the flow logs of one window and runs inference: the part every
 * command that learns (generate, verify, diff, learn, propose) shares. Stages are joined only
 * here and in the commands (STYLE.md: otterize's separation).
 */
final class LearningPipeline {
    private static final int PROBLEM_SAMPLES = 20;

    /** What one learning run read and learned. */
    record Learned(ClusterRecording recording, ReadSummary read, List<String> sources,
                   long windowStart, long windowEnd, InferenceResult result, NetworkInventory inventory) {
        Learned {
            inventory = inventory == null ? NetworkInventory.EMPTY : inventory;
        }

        /** Without an AWS network inventory. */
        Learned(ClusterRecording recording, ReadSummary read, List<String> sources, long windowStart, long windowEnd,
                InferenceResult result) {
            this(recording, read, sources, windowStart, windowEnd, result, NetworkInventory.EMPTY);
        }
    }

    private LearningPipeline() {
    }

    /**
     * What a learning command runs: checks the flow-log selection first (a usage error, exit 2,
     * before anything is read), then {@link #run(FlowLogInputOptions, AwsOptions, ClusterInputOptions,
     * WindowOptions, InferenceTuningOptions, PrintWriter) run} with progress on the command's stderr.
     */
    static Learned run(CommandLine command, FlowLogInputOptions flowLogs, AwsOptions aws, ClusterInputOptions cluster,
                       WindowOptions window, InferenceTuningOptions tuning) {
        return run(command, flowLogs, aws, cluster, window, tuning, AwsNetwork.Source.RECORDED);
    }

    /** As above, with the AWS network inventory from {@code network} (issue 11 item 2). */
    static Learned run(CommandLine command, FlowLogInputOptions flowLogs, AwsOptions aws, ClusterInputOptions cluster,
                       WindowOptions window, InferenceTuningOptions tuning, AwsNetwork.Source network) {
        FlowLogSelection.check(command, flowLogs, window);
        tuning.validate();
        return run(flowLogs, aws, cluster, window, tuning, command.getErr(), network);
    }

    static Learned run(FlowLogInputOptions flowLogs, AwsOptions aws, ClusterInputOptions cluster, WindowOptions window,
                       InferenceTuningOptions tuning, PrintWriter err) {
        return run(flowLogs, aws, cluster, window, tuning, err, AwsNetwork.Source.RECORDED);
    }

    static Learned run(FlowLogInputOptions flowLogs, AwsOptions aws, ClusterInputOptions cluster, WindowOptions window,
                       InferenceTuningOptions tuning, PrintWriter err, AwsNetwork.Source network) {
        FlowLogFormat format = flowLogs.format == null ? null : FlowLogFormat.parse(flowLogs.format);
        ClusterRecording recording;
        NetworkInventory inventory;
        FlowInference inference;
        ReadSummary read;
        // Local files start parsing while the recording is read; a failed recording stops them.
        try (LocalFiles local = LocalFiles.start(flowLogs, new FlowLogOptions(format, flowLogs.strict, PROBLEM_SAMPLES))) {
            recording = new ClusterRecordingReader().read(cluster.paths);
            // The ENIs' nodes come from the inventory where it names them (Attachment.InstanceId, spec.providerID).
            inventory = network.inventory(recording, err);
            inference = new FlowInference(recording.timeline(), inferenceOptions(tuning, window), inventory);
            TimeSpanCheck times = new TimeSpanCheck(inference, window.sinceMillis(), window.untilMillis(), recording.timeline());
            Progress progress = new Progress(times, err, Progress.stderrIsTerminal());
            try {
                read = local != null ? local.into(progress) : readFlowLogs(flowLogs, aws, window, format, progress);
            } finally {
                progress.done();
            }
            recording = withTimeWarnings(recording, times.warnings(read.records()), err);
        }
        checkSomethingParsed(read);
        InferenceResult result = inference.finish();
        long start = window.since != null ? window.sinceMillis() : firstSeen(result);
        long end = window.until != null ? window.untilMillis() : lastSeen(result);
        return new Learned(recording, read, FlowLogSelection.describe(flowLogs), start, end, result, inventory);
    }

    /** Records far from the window or the recording are a warning on stderr and in the report (issue 12, item 8). */
    private static ClusterRecording withTimeWarnings(ClusterRecording recording, List<InputProblem> warnings, PrintWriter err) {
        if (warnings.isEmpty()) {
            return recording;
        }
        warnings.forEach(w -> err.println("flowpol: warning: " + w.message()));
        err.flush();
        List<InputProblem> all = new ArrayList<>(recording.warnings());
        all.addAll(warnings);
        return new ClusterRecording(recording.timeline(), all, recording.events(), recording.inventory());
    }

    /**
     * Input of which not one line parsed is not a flow log (a recording passed as --flow-logs, a
     * wrong --flow-log-format): learning "no traffic" from it would write policies that cut
     * everything, or let verify pass on nothing. Lenient mode skips bad lines, not whole inputs.
     */
    private static void checkSomethingParsed(ReadSummary read) {
        if (read.records() > 0 || read.malformed() == 0) {
            return;
        }
        String first = read.problems().isEmpty() ? "" : ", the first: " + read.problems().get(0).message();
        String file = read.problems().isEmpty() ? null : read.problems().get(0).file();
        throw new InputException(InputProblem.error(file, 0, "--flow-logs",
                "flow-log records (is it a flow log, and is --flow-log-format right?)",
                "no valid record in " + read.malformed() + " line(s)" + first));
    }

    private static ReadSummary readFlowLogs(FlowLogInputOptions o, AwsOptions aws, WindowOptions window,
                                            FlowLogFormat format, Progress sink) {
        if (o.s3 != null) {
            var client = S3Clients.create(aws.region, aws.profile, aws.endpoint);
            return ReadSummary.of(new S3FlowLogReader(client, o.checkpoint).read(
                    S3Source.parse(o.s3, window.sinceMillis(), window.untilMillis()), format, o.strict, sink));
        }
        if (o.cloudWatchLogGroup != null) {
            var client = CloudWatchClients.create(aws.region, aws.profile, aws.endpoint);
            var source = new CloudWatchSource(o.cloudWatchLogGroup, o.logStreamPrefix, window.sinceMillis(),
                    window.untilMillis(), o.parallelRequests);
            // CloudWatch delivery has no header line (DESIGN.md fact 8): the format is the flag or v2.
            FlowLogFormat f = format == null ? FlowLogFormat.V2_DEFAULT : format;
            if ("cloudwatch".equals(o.aggregateIn)) {
                return ReadSummary.of(new InsightsAggregator(client).read(source, f, sink), f);
            }
            return ReadSummary.of(new CloudWatchFlowLogReader(client, o.checkpoint).read(source, f, o.strict, sink), f);
        }
        List<Path> files = FlowLogFiles.list(o.paths);
        if (files.isEmpty()) {
            String named = String.join(", ", o.paths.stream().map(Path::toString).toList());
            throw new InputException(InputProblem.error(named, 0, "--flow-logs",
                    "at least one flow-log file", "no files (an empty directory?)"));
        }
        // Reached when listing failed before the recording was read (its error comes now, in its
        // turn) or the paths changed since; otherwise LocalFiles.start has read local files.
        try (LocalFiles local = LocalFiles.of(files, new FlowLogOptions(format, o.strict, PROBLEM_SAMPLES))) {
            return local.into(sink);
        }
    }

    /**
     * Local flow-log files whose parsing was started before the recording is read (issue 7: the
     * parsers' start-up overlaps it). Parsing runs on two more threads; several files are merged by
     * record start (issue 13: per-ENI exports), so the result equals CloudWatch mode's.
     */
    private record LocalFiles(FlowLogReading reading, InputProgress progress) implements AutoCloseable {
        /**
         * The started reading of {@code --flow-logs}, or null for S3, CloudWatch, or paths that do
         * not list (missing, empty): those are read, and their errors reported, after the
         * recording, as before.
         */
        static LocalFiles start(FlowLogInputOptions o, FlowLogOptions options) {
            if (o.s3 != null || o.cloudWatchLogGroup != null) {
                return null;
            }
            List<Path> files;
            try {
                files = FlowLogFiles.list(o.paths);
            } catch (InputException e) {
                return null;
            }
            return files.isEmpty() ? null : of(files, options);
        }

        /** Starts parsing {@code files} on two threads. */
        static LocalFiles of(List<Path> files, FlowLogOptions options) {
            InputProgress progress = InputProgress.of(files);
            return new LocalFiles(FlowLogReading.start(files, options, progress), progress);
        }

        ReadSummary into(Progress sink) {
            sink.watch(progress);
            return ReadSummary.of(reading.into(sink), "");
        }

        @Override
        public void close() {
            reading.close();
        }
    }

    /** The window actually observed: from the first to the last connection seen (edges and attempts). */
    private static long firstSeen(InferenceResult result) {
        return Stream.concat(result.edges().stream(), result.attempts().stream())
                .mapToLong(e -> e.evidence().firstSeen()).min().orElse(0L);
    }

    private static long lastSeen(InferenceResult result) {
        return Stream.concat(result.edges().stream(), result.attempts().stream())
                .mapToLong(e -> e.evidence().lastSeen()).max().orElse(0L);
    }

    private static InferenceOptions inferenceOptions(InferenceTuningOptions tuning, WindowOptions window) {
        List<Cidr> vpc = new ArrayList<>();
        if (tuning.vpcCidrs != null) {
            for (String text : tuning.vpcCidrs) {
                try {
                    vpc.add(Cidr.parse(text.trim()));
                } catch (IllegalArgumentException e) {
                    throw new InputException(InputProblem.error(null, 0, "--vpc-cidr", "a CIDR such as 10.0.0.0/16", text));
                }
            }
        }
        return new InferenceOptions(vpc.isEmpty() ? null : vpc, tuning.joinHorizon.toMillis(),
                window.sinceMillis(), window.untilMillis(), tuning.summariseAbove);
    }
}
