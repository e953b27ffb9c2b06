package io.flowpol.templates.diff;

import java.util.List;

/**
 * What {@code verify-snat.txt.ftl} lays out: of {@code destinations} external destinations and
 * ports reached through a node's SNAT, the {@code rows} where the policies may deny connections.
 */
public record SnatReplayView(long destinations, long connections, List<DiffView.SnatRow> rows) {
    public SnatReplayView {
        rows = List.copyOf(rows);
    }
}
