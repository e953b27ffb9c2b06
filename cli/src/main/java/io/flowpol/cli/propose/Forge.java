package io.flowpol.cli.propose;

import java.util.List;

/**
 * The forge that hosts the review of a proposal: GitHub pull requests or GitLab merge requests.
 * {@link Proposer} owns the flow (find the open one before the push, create or update after it,
 * roll the branch back when a call fails); an implementation only speaks its API. Every call
 * throws {@link ForgeException} with a message free of the token.
 */
public interface Forge {
    /** "pull request" or "merge request", for messages. */
    String noun();

    /** The open pull/merge request from {@code branch} into {@code base}, or null. */
    PullRequest findOpen(String base, String branch);

    /**
     * Opens a pull/merge request and sets its labels and reviewers. Only a new one gets them
     * (issue 15 item 4): a label a human removed stays removed, and a reviewer who already
     * reviewed is never asked again.
     */
    PullRequest create(String base, String branch, String title, String body, List<String> labels, List<String> reviewers);

    /** Replaces the title and description of the open one; labels and reviewers are left alone. */
    PullRequest update(PullRequest open, String title, String body);
}
