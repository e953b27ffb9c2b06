package io.flowpol.cli.propose;

import java.util.List;

/** What {@link Proposer} did: the commit it made (null when none) and the pull request (null when none). */
public record ProposalResult(Outcome outcome, String commit, PullRequest pullRequest, List<String> keptFiles, String body) {
    public enum Outcome { NO_CHANGE, DRY_RUN, PUSHED_WITHOUT_PULL_REQUEST, CREATED, UPDATED }

    public ProposalResult {
        keptFiles = List.copyOf(keptFiles);
    }
}
