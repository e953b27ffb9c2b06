package io.flowpol.cli;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import io.flowpol.templates.render.OutputModel;
import io.flowpol.templates.render.OutputRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Assembles the output model of a learning run and renders it (temp dir, then moved into place). */
final class OutputWriter {
    private OutputWriter() {
    }

    /** {@code --out} names a directory to create or replace, never a file. */
    static void checkTarget(Path out) {
        if (Files.isRegularFile(out)) {
            throw new InputException(InputProblem.error(out.toString(), 0, "--out", "a directory", "a file"));
        }
    }

    static OutputModel model(SynthesizedPolicies policies, LearningPipeline.Learned learned) {
        var timeline = learned.recording().timeline();
        String format = learned.read().format();
        List<String> sources = learned.sources();
        return new OutputModel(policies, learned.result(), OutputModel.ClusterSummary.of(timeline),
                new OutputModel.InputDescription(sources, format,
                        learned.windowStart(), learned.windowEnd()),
                IngestFindings.of(learned.read(), learned.recording().warnings()));
    }

    static void write(Path out, OutputRenderer renderer, SynthesizedPolicies policies, LearningPipeline.Learned learned) {
        renderer.render(out, model(policies, learned));
    }
}
