package io.flowpol.templates.diff;

import io.flowpol.templates.render.OutputRenderer;
import java.util.Objects;

/**
 * Renders a {@link DiffReport} as {@code flowpol diff -o text|markdown|json} prints it. Markdown
 * is what the PR bot posts: a headline verdict, broken observed flows first, then still
 * denied, fixed, over-permission by server, unobserved reachability changes, and the
 * structural diff in {@code diff} fences (folded into {@code <details>} when long).
 */
public final class DiffRenderer {
    private final OutputRenderer templates;

    /** With flowpol's own templates. */
    public DiffRenderer() {
        this(new OutputRenderer(null));
    }

    /** With the run's one renderer (its FreeMarker Configuration and {@code --templates} overrides). */
    public DiffRenderer(OutputRenderer templates) {
        this.templates = Objects.requireNonNull(templates, "templates == null");
    }

    public String render(DiffReport report, DiffFormat format) {
        if (report == null || format == null) {
            throw new IllegalArgumentException("report and format are required");
        }
        return switch (format) {
            case TEXT -> text(report);
            case MARKDOWN -> markdown(report);
            case JSON -> json(report);
        };
    }

    public String markdown(DiffReport report) {
        return templates.renderToString("diff.md.ftl", "diff", DiffViews.markdown(report));
    }

    public String text(DiffReport report) {
        return templates.renderToString("diff.txt.ftl", "diff", DiffViews.text(report));
    }

    public String json(DiffReport report) {
        return DiffJson.write(report);
    }

    /** The Markdown view, for the pull-request body that embeds the diff. */
    String markdown(DiffView view) {
        return templates.renderToString("diff.md.ftl", "diff", view);
    }
}
