package io.flowpol.templates.diff;

import java.util.List;

/**
 * What {@code pr-body.md.ftl} lays out: summary numbers, the diff against the base branch
 * (already rendered Markdown), coverage warnings and the evidence of the learned edges, every
 * cell Markdown-escaped. {@code evidenceOmitted} edges did not fit the body.
 */
public record PullRequestBodyView(Summary summary, String diffMarkdown, List<String> warnings,
                                  List<EvidenceRow> evidence, int evidenceOmitted) {
    public PullRequestBodyView {
        warnings = List.copyOf(warnings);
        evidence = List.copyOf(evidence);
    }

    public record Summary(int workloads, int silentWorkloads, int edges, int attempts, int snatEgress,
                          int policiesAdded, int policiesChanged, int policiesRemoved, long broken) {
    }

    /** One learned edge and what backs it (DESIGN.md facts 1 and 7: connections, direction proof). */
    public record EvidenceRow(String client, String server, String port, long connections, String firstSeen,
                              String lastSeen, String direction) {
    }
}
