package io.flowpol.cli.propose;

import java.util.List;

/**
 * What {@link Proposer} did: the commit it made (null when none), the pull or merge request (null
 * when none), the files a human owns that were kept, and the managed files whose hand edits on the
 * base the proposal overwrites.
 */
public record ProposalResult(Outcome outcome, String commit, PullRequest pullRequest, List<String> keptFiles,
                             List<String> overwrittenEdits, String body) {
    public enum Outcome { NO_CHANGE, DRY_RUN, PUSHED_WITHOUT_PULL_REQUEST, CREATED, UPDATED }

    public ProposalResult {
        keptFiles = List.copyOf(keptFiles);
        overwrittenEdits = List.copyOf(overwrittenEdits);
    }
}
