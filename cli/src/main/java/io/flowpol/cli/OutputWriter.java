package io.flowpol.cli;

import io.flowpol.inference.diff.BeyondObserved;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import io.flowpol.templates.render.OutputModel;
import io.flowpol.templates.render.OutputRenderer;
import io.flowpol.templates.render.OutputTarget;
import java.nio.file.Path;
import java.util.List;

/** Assembles the output model of a learning run and renders it (temp dir, then moved into place). */
final class OutputWriter {
    private OutputWriter() {
    }

    /**
     * Checks {@code --out} before any input is read (issue 12 item 2): a directory flowpol may not
     * replace costs no learning window. Also puts back the previous output if an earlier run was
     * killed in the middle of its swap.
     */
    static void checkTarget(Path out) {
        OutputTarget.check(out);
    }

    /**
     * The AWS network inventory names in-VPC peers; its findings join the report's (issue 11 items 2-3).
     * {@code beyondObserved}: what the policies allow beyond the observed edges ({@link NewReachabilities#beyondObserved}).
     */
    static OutputModel model(SynthesizedPolicies policies, LearningPipeline.Learned learned, AwsNetwork.Checked network,
                             List<BeyondObserved> beyondObserved) {
        return model(policies, learned, network, beyondObserved, OutputModel.Dialects.KUBERNETES);
    }

    /** {@code dialects}: which renderings are written ({@link DialectCheck}). */
    static OutputModel model(SynthesizedPolicies policies, LearningPipeline.Learned learned, AwsNetwork.Checked network,
                             List<BeyondObserved> beyondObserved, OutputModel.Dialects dialects) {
        var timeline = learned.recording().timeline();
        String format = learned.read().format();
        List<String> sources = learned.sources();
        return new OutputModel(policies, learned.result(), OutputModel.ClusterSummary.of(timeline),
                new OutputModel.InputDescription(sources, format,
                        learned.windowStart(), learned.windowEnd()),
                IngestFindings.of(learned.read(), learned.recording().warnings(), network.findings()),
                network.inventory(), beyondObserved, dialects);
    }

    static void write(Path out, OutputRenderer renderer, SynthesizedPolicies policies, LearningPipeline.Learned learned,
                      AwsNetwork.Checked network, List<BeyondObserved> beyondObserved, OutputModel.Dialects dialects) {
        renderer.render(out, model(policies, learned, network, beyondObserved, dialects));
    }
}
