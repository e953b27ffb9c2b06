package io.flowpol.cli;

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
import io.flowpol.ingest.cluster.ClusterRecording;
import io.flowpol.ingest.cluster.ClusterRecordingReader;
import io.flowpol.ingest.flowlog.FlowLogFiles;
import io.flowpol.ingest.flowlog.FlowLogFormat;
import io.flowpol.ingest.flowlog.FlowLogOptions;
import io.flowpol.ingest.flowlog.FlowLogReader;
import io.flowpol.ingest.flowlog.FlowLogStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the recording and the flow logs of one window and runs inference: the part every
 * command that learns (generate, verify, diff, learn, propose) shares. Stages are joined only
 * here and in the commands (STYLE.md: otterize's separation).
 */
final class LearningPipeline {
    private static final int PROBLEM_SAMPLES = 20;

    /** What one learning run read and learned. */
    record Learned(ClusterRecording recording, FlowLogStats flowLogStats, List<String> sources,
                   long windowStart, long windowEnd, InferenceResult result) {
    }

    private LearningPipeline() {
    }

    static Learned run(FlowLogInputOptions flowLogs, ClusterInputOptions cluster, WindowOptions window,
                       InferenceTuningOptions tuning, PrintWriter err) {
        FlowLogFormat format = flowLogs.format == null ? null : FlowLogFormat.parse(flowLogs.format);
        List<Path> files = FlowLogFiles.list(flowLogs.paths);
        if (files.isEmpty()) {
            throw new InputException(InputProblem.error(flowLogs.paths.toString(), 0, "--flow-logs",
                    "at least one flow-log file", "no files"));
        }
        ClusterRecording recording = new ClusterRecordingReader().read(cluster.paths);
        FlowInference inference = new FlowInference(recording.timeline(), inferenceOptions(tuning, window));
        Progress progress = new Progress(inference, err, Progress.stderrIsTerminal());
        FlowLogStats stats;
        try {
            stats = new FlowLogReader(new FlowLogOptions(format, flowLogs.strict, PROBLEM_SAMPLES)).read(files, progress);
        } finally {
            progress.done();
        }
        InferenceResult result = inference.finish();
        long start = window.since != null ? window.sinceMillis() : recording.timeline().start();
        long end = window.until != null ? window.untilMillis() : recording.timeline().end();
        return new Learned(recording, stats, flowLogs.paths.stream().map(Path::toString).toList(), start, end, result);
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
        if (window.untilMillis() <= window.sinceMillis()) {
            throw new InputException(InputProblem.error(null, 0, "--until", "a time after --since", String.valueOf(window.until)));
        }
        return new InferenceOptions(vpc.isEmpty() ? null : vpc, tuning.joinHorizon.toMillis(),
                window.sinceMillis(), window.untilMillis());
    }
}
