package io.flowpol.cli;

import io.flowpol.cli.options.WindowOptions;
import io.flowpol.inference.history.Forgetting;
import io.flowpol.inference.history.LearnedState;
import io.flowpol.inference.history.LearnedWindow;
import io.flowpol.inference.history.MergedResult;
import io.flowpol.inference.history.RememberedCluster;
import io.flowpol.inference.history.StateMerger;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.cluster.ClusterRecording;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One window merged into the learned state (issue 4 §2): the new state to save, and the
 * {@link LearningPipeline.Learned} of all windows so far that synthesis, the self-check replay
 * and the report take, so that {@code learn} renders exactly as {@code generate} does.
 */
record StateUpdate(LearnedState state, LearningPipeline.Learned learned, Forgetting.Forgotten forgotten,
                   Duration forgetAfter) {

    static StateUpdate of(LearnedState prior, LearningPipeline.Learned window, WindowOptions asked, Duration forgetAfter) {
        ClusterTimeline timeline = window.recording().timeline();
        LearnedWindow span = span(window, asked, timeline);
        LearnedState merged = StateMerger.merge(prior, window.result(), timeline, span);
        Forgetting.Forgotten forgotten = Forgetting.forget(merged, forgetAfter);
        List<Finding> findings = new ArrayList<>(forgotten.findings());
        prior.windows().stream().filter(w -> w.start() < span.end() && span.start() < w.end()).findFirst()
                .ifPresent(w -> findings.add(new Finding(Finding.Severity.WARNING, "overlapping-window",
                        "this window overlaps one learned before (" + Instant.ofEpochMilli(w.start()) + " to "
                                + Instant.ofEpochMilli(w.end()) + "): connection counts include both", 1)));
        LearnedState state = forgotten.state();
        InferenceResult result = MergedResult.of(state, window.result(), findings);
        ClusterRecording recording = new ClusterRecording(RememberedCluster.timeline(state, timeline),
                window.recording().warnings(), window.recording().events());
        long start = state.windows().stream().mapToLong(LearnedWindow::start).min().orElse(span.start());
        long end = state.windows().stream().mapToLong(LearnedWindow::end).max().orElse(span.end());
        LearningPipeline.Learned all = new LearningPipeline.Learned(recording, window.read(), window.sources(),
                start, end, result);
        return new StateUpdate(state, all, forgotten, forgetAfter);
    }

    /** The window asked for, else the recording's span, else the span of what was observed. */
    private static LearnedWindow span(LearningPipeline.Learned window, WindowOptions asked, ClusterTimeline timeline) {
        boolean recorded = timeline.end() > timeline.start() && timeline.end() != Long.MAX_VALUE;
        long start = asked.since != null ? asked.since.toEpochMilli()
                : recorded ? timeline.start() : window.windowStart();
        long end = asked.until != null ? asked.until.toEpochMilli()
                : recorded ? timeline.end() : window.windowEnd();
        return new LearnedWindow(start, Math.max(start, end));
    }

    void print(PrintWriter out, PrintWriter err, Path file) {
        out.printf("flowpol: state %s: %d window(s) from %s to %s, %d edges, %d attempts%n", file,
                state.windows().size(), Instant.ofEpochMilli(learned.windowStart()), Instant.ofEpochMilli(learned.windowEnd()),
                state.edges().size(), state.attempts().size());
        if (!forgotten.edges().isEmpty()) {
            err.printf("flowpol: forgot %d edge(s) unseen for more than %s (--forget-after): see the report%n",
                    forgotten.edges().size(), Forgetting.human(forgetAfter));
        }
        out.flush();
        err.flush();
    }
}
