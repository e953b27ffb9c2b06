package io.flowpol.cli.propose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * Publishes a generated policy directory as a pull request (GitHub) or merge request (GitLab):
 * one commit on the current base tip, force-pushed (with a lease) to the proposal branch, then
 * the open one updated or a new one opened (issue 15). Access to the forge is checked before the
 * push, and a failed API call after it puts the remote branch back, so an error leaves the remote
 * as it was. Nothing is pushed or called when the base or the branch already holds exactly these
 * policies.
 */
public final class Proposer {
    private final Forge forge;
    private final CredentialsProvider credentials;
    private final TokenSource token;

    /** {@code forge} may be null: then the branch is pushed and no pull request is made. */
    public Proposer(Forge forge, CredentialsProvider credentials, TokenSource token) {
        this.forge = forge;
        this.credentials = credentials;
        this.token = token;
    }

    /** With GitHub's token names in errors. */
    public Proposer(Forge forge, CredentialsProvider credentials) {
        this(forge, credentials, TokenSource.GITHUB);
    }

    public ProposalResult propose(ProposalRequest request) throws IOException, GitAPIException {
        try (PolicyRepository repo = PolicyRepository.checkout(request.repository(), request.base(), request.branch(),
                credentials, token)) {
            // The body compares the base as it is today with the proposal (issue 15 item 2): the base's
            // policies are set aside before the checkout's are replaced.
            Path basePolicies = repo.scratch("base").resolve(request.path());
            ScratchDirectories.copy(repo.policyDir(request.path()), basePolicies);
            List<String> kept = repo.replace(request.path(), request.generated());
            PersonIdent author = new PersonIdent(request.authorName(), request.authorEmail());
            RevCommit commit = repo.commit(request.path(), request.commitMessage(), author);
            if (commit == null) {
                return new ProposalResult(ProposalResult.Outcome.NO_CHANGE, null, null, kept, List.of(), null);
            }
            List<OverwrittenEdits.Edit> edits = OverwrittenEdits.find(repo.repository(), request.path(), repo.baseTip(),
                    repo.previousProposal(), commit);
            if (!edits.isEmpty()) {
                // the list goes into the commit message, where the next run finds it (OverwrittenEdits)
                commit = repo.reword(commit, OverwrittenEdits.message(request.commitMessage(), edits));
            }
            List<String> overwritten = edits.stream().map(OverwrittenEdits.Edit::path).toList();
            if (repo.alreadyProposed(commit)) {
                // the branch already proposes exactly these files on this base
                return new ProposalResult(ProposalResult.Outcome.NO_CHANGE, null, null, kept, overwritten, null);
            }
            String description = request.body().body(basePolicies, repo.policyDir(request.path()))
                    + OverwrittenEdits.section(edits, request.base());
            String since = SinceLastUpdate.section(repo.repository(), request.path(), repo.previousProposal(),
                    repo.baseTip(), commit);
            if (request.dryRun()) {
                return new ProposalResult(ProposalResult.Outcome.DRY_RUN, commit.name(), null, kept, overwritten,
                        description + since);
            }
            PullRequest open = forge == null ? null : forge.findOpen(request.base(), request.branch());
            // "since the last update" belongs to an update: a new one (after a merge or a squash) has no last update
            String body = open == null ? description : description + since;
            repo.push();
            if (forge == null) {
                return new ProposalResult(ProposalResult.Outcome.PUSHED_WITHOUT_PULL_REQUEST, commit.name(), null, kept,
                        overwritten, description + since);
            }
            try {
                PullRequest pr = open == null
                        ? forge.create(request.base(), request.branch(), request.title(), body, request.labels(), request.reviewers())
                        : forge.update(open, request.title(), body);
                return new ProposalResult(open == null ? ProposalResult.Outcome.CREATED : ProposalResult.Outcome.UPDATED,
                        commit.name(), pr, kept, overwritten, body);
            } catch (ForgeException e) {
                repo.rollback();
                throw e;
            }
        }
    }
}
