package io.flowpol.cli.propose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * Publishes a generated policy directory as a pull request: one commit on the current base tip,
 * force-pushed (with a lease) to the proposal branch, then the pull request opened or the open
 * one updated (issue 15). GitHub access is checked before the push, and a failed API call after
 * it puts the remote branch back, so an error leaves the remote as it was. Nothing is pushed or
 * called when the base or the branch already holds exactly these policies.
 */
public final class Proposer {
    private final GitHubClient github;
    private final CredentialsProvider credentials;

    /** {@code github} may be null: then the branch is pushed and no pull request is made. */
    public Proposer(GitHubClient github, CredentialsProvider credentials) {
        this.github = github;
        this.credentials = credentials;
    }

    public ProposalResult propose(ProposalRequest request) throws IOException, GitAPIException {
        try (PolicyRepository repo = PolicyRepository.checkout(request.repository(), request.base(), request.branch(),
                credentials)) {
            // The body compares the base as it is today with the proposal (issue 15 item 2): the base's
            // policies are set aside before the checkout's are replaced.
            Path basePolicies = repo.scratch("base").resolve(request.path());
            ScratchDirectories.copy(repo.policyDir(request.path()), basePolicies);
            List<String> kept = repo.replace(request.path(), request.generated());
            PersonIdent author = new PersonIdent(request.authorName(), request.authorEmail());
            RevCommit commit = repo.commit(request.path(), request.commitMessage(), author);
            if (commit == null || repo.alreadyProposed(commit)) {
                // the base already holds these policies, or the branch already proposes exactly them on this base
                return new ProposalResult(ProposalResult.Outcome.NO_CHANGE, null, null, kept, null);
            }
            String body = request.body().body(basePolicies, repo.policyDir(request.path()))
                    + SinceLastUpdate.section(repo.repository(), request.path(), repo.previousProposal(), repo.baseTip(), commit);
            if (request.dryRun()) {
                return new ProposalResult(ProposalResult.Outcome.DRY_RUN, commit.name(), null, kept, body);
            }
            PullRequest open = github == null ? null : github.findOpenPull(request.branch());
            repo.push();
            if (github == null) {
                return new ProposalResult(ProposalResult.Outcome.PUSHED_WITHOUT_PULL_REQUEST, commit.name(), null, kept, body);
            }
            try {
                PullRequest pr;
                if (open == null) {
                    pr = github.createPull(request.base(), request.branch(), request.title(), body);
                    // only on a new pull request, as --help says (issue 15 item 4): a label a human removed
                    // stays removed, and a reviewer who already reviewed is not asked again
                    github.addLabels(pr.number(), request.labels());
                    github.requestReviewers(pr.number(), request.reviewers());
                } else {
                    pr = github.updatePull(open.number(), request.title(), body);
                }
                return new ProposalResult(open == null ? ProposalResult.Outcome.CREATED : ProposalResult.Outcome.UPDATED,
                        commit.name(), pr, kept, body);
            } catch (GitHubException e) {
                repo.rollback();
                throw e;
            }
        }
    }
}
