package io.flowpol.cli.propose;

import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * Publishes a generated policy directory as a pull request: commit on the proposal branch,
 * push, then open the pull request or update the open one. GitHub access is checked before
 * the push, and a failed API call after it puts the remote branch back, so an error leaves the
 * remote as it was. Nothing is committed or opened when the policies did not change.
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
            // The body compares with the policies the proposal branch (or base) has now: made before replacing them.
            String body = request.body().body(repo.policyDir(request.path()));
            List<String> kept = repo.replace(request.path(), request.generated());
            PersonIdent author = new PersonIdent(request.authorName(), request.authorEmail());
            ObjectId commit = repo.commit(request.path(), request.commitMessage(), author);
            if (commit == null) {
                return new ProposalResult(ProposalResult.Outcome.NO_CHANGE, null, null, kept, body);
            }
            if (request.dryRun()) {
                return new ProposalResult(ProposalResult.Outcome.DRY_RUN, commit.name(), null, kept, body);
            }
            PullRequest open = github == null ? null : github.findOpenPull(request.branch());
            repo.push();
            if (github == null) {
                return new ProposalResult(ProposalResult.Outcome.PUSHED_WITHOUT_PULL_REQUEST, commit.name(), null, kept, body);
            }
            try {
                PullRequest pr = open == null
                        ? github.createPull(request.base(), request.branch(), request.title(), body)
                        : github.updatePull(open.number(), request.title(), body);
                github.addLabels(pr.number(), request.labels());
                if (open == null) {
                    github.requestReviewers(pr.number(), request.reviewers());
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
