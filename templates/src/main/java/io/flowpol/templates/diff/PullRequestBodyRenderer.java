package io.flowpol.templates.diff;

import io.flowpol.inference.model.InferenceResult;
import io.flowpol.templates.render.OutputRenderer;
import java.util.Objects;

/**
 * The PR bot's pull-request body (issue 6 §2): summary numbers, the Markdown diff against the
 * policies on the base branch (broken observed flows first), coverage warnings and the evidence
 * of every learned edge. GitHub refuses a body over 65,536 characters, so a body that would be
 * longer drops the document diffs (the pull request shows those files anyway) and then shortens
 * the evidence table, saying how many edges it left out.
 */
public final class PullRequestBodyRenderer {
    /** GitHub's limit on an issue or pull-request body, in characters. */
    public static final int MAX_BODY = 65_536;
    static final int EVIDENCE_ROWS = 200;
    static final int SHORT_EVIDENCE_ROWS = 50;

    private final OutputRenderer templates;
    private final DiffRenderer diffRenderer;
    private final int maxBody;

    /** With flowpol's own templates. */
    public PullRequestBodyRenderer() {
        this(new OutputRenderer(null));
    }

    /** With the run's one renderer (its FreeMarker Configuration and {@code --templates} overrides). */
    public PullRequestBodyRenderer(OutputRenderer templates) {
        this(templates, MAX_BODY);
    }

    PullRequestBodyRenderer(OutputRenderer templates, int maxBody) {
        this.templates = Objects.requireNonNull(templates, "templates == null");
        this.diffRenderer = new DiffRenderer(templates);
        this.maxBody = maxBody;
    }

    /**
     * @param learned what the learning window produced (edges, coverage, findings)
     * @param diff the proposal against the policies on the base branch
     */
    public String render(InferenceResult learned, DiffReport diff) {
        if (learned == null || diff == null) {
            throw new IllegalArgumentException("learned and diff are required");
        }
        DiffView view = DiffViews.markdown(diff);
        String body = render(learned, diff, view.forPullRequest(false), EVIDENCE_ROWS);
        if (body.length() > maxBody) {
            body = render(learned, diff, view.forPullRequest(true), EVIDENCE_ROWS);
        }
        if (body.length() > maxBody) {
            body = render(learned, diff, view.forPullRequest(true), SHORT_EVIDENCE_ROWS);
        }
        return body;
    }

    private String render(InferenceResult learned, DiffReport diff, DiffView view, int evidenceRows) {
        String diffMarkdown = diffRenderer.markdown(view);
        return templates.renderToString("pr-body.md.ftl", "pr",
                new PullRequestBodies().view(learned, diff, diffMarkdown, evidenceRows));
    }
}
