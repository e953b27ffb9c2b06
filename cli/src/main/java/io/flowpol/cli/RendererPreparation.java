package io.flowpol.cli;

import io.flowpol.templates.render.OutputRenderer;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The output renderer, built and its templates parsed on a daemon thread while the command
 * reads its inputs (issue 7): FreeMarker's cold start then costs CPU the input reading leaves
 * idle instead of wall time at the end of the run. The result is the same renderer the command
 * would have built itself; a failure (a bad {@code --templates} directory or template) is thrown
 * by {@link #renderer()} as it was thrown, at the point where the renderer is needed.
 */
final class RendererPreparation {
    private final FutureTask<OutputRenderer> task;

    private RendererPreparation(Path templates) {
        task = new FutureTask<>(() -> {
            OutputRenderer renderer = new OutputRenderer(templates);
            renderer.prepare();
            return renderer;
        });
    }

    /** Starts preparing the renderer for {@code templates} (null: the built-in templates). */
    static RendererPreparation start(Path templates) {
        RendererPreparation preparation = new RendererPreparation(templates);
        Thread thread = new Thread(preparation.task, "flowpol-templates");
        thread.setDaemon(true);
        thread.start();
        return preparation;
    }

    /** The prepared renderer; waits for it if needed. */
    OutputRenderer renderer() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the output templates", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
