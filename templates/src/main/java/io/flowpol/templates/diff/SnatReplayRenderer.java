package io.flowpol.templates.diff;

import io.flowpol.inference.snat.SnatVerdict;
import io.flowpol.templates.render.OutputRenderer;
import java.util.List;

/**
 * {@code flowpol verify}'s section on SNAT-ed egress (issue 14 item 3): which connections to the
 * internet, whose sender a node's SNAT hides, the policies may deny, with every candidate's verdict.
 */
public final class SnatReplayRenderer {
    private final OutputRenderer templates;

    public SnatReplayRenderer() {
        this(new OutputRenderer(null));
    }

    public SnatReplayRenderer(OutputRenderer templates) {
        this.templates = templates;
    }

    /** Empty when there is no SNAT-ed egress at all. */
    public String text(List<SnatVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return "";
        }
        long connections = verdicts.stream().mapToLong(v -> v.attribution().connections()).sum();
        return templates.renderToString("verify-snat.txt.ftl", "snat",
                new SnatReplayView(verdicts.size(), connections, SnatRows.denying(verdicts, CellText.PLAIN)));
    }
}
