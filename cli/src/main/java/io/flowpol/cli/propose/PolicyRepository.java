package io.flowpol.cli.propose;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.templates.render.OutputTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefLeaseSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * A fresh clone of the GitOps repository in a temporary directory (the user's own checkout is
 * never touched), checked out at the CURRENT tip of {@code base}. The proposal is always one
 * commit on today's base (issue 15 item 1): the managed files under the policy path are
 * replaced, human-owned ones kept, and the branch is force-pushed with a lease on the tip it
 * had when cloned, so a proposal never stacks on yesterday's proposal and a concurrent push
 * by someone else is refused instead of overwritten.
 */
final class PolicyRepository implements AutoCloseable {
    private final Git git;
    private final Path scratch;
    private final Path dir;
    private final String uri;
    private final CredentialsProvider credentials;
    private final TokenSource token;
    private final String branch;
    private final RevCommit baseTip;
    private final RevCommit remoteBefore;

    private PolicyRepository(Git git, Path scratch, String uri, CredentialsProvider credentials, TokenSource token,
                             String branch, RevCommit baseTip, RevCommit remoteBefore) {
        this.git = git;
        this.scratch = scratch;
        this.dir = git.getRepository().getWorkTree().toPath();
        this.uri = uri;
        this.credentials = credentials;
        this.token = token;
        this.branch = branch;
        this.baseTip = baseTip;
        this.remoteBefore = remoteBefore;
    }

    static PolicyRepository checkout(String urlOrPath, String base, String branch, CredentialsProvider credentials,
                                     TokenSource token) throws IOException, GitAPIException {
        Path scratch = Files.createTempDirectory("flowpol-propose-");
        try {
            return checkout(scratch, urlOrPath, base, branch, credentials, token);
        } catch (IOException | GitAPIException | RuntimeException e) {
            ScratchDirectories.delete(scratch); // a failed clone leaves no temporary copy behind
            throw e;
        }
    }

    private static PolicyRepository checkout(Path scratch, String urlOrPath, String base, String branch,
                                             CredentialsProvider credentials, TokenSource token)
            throws IOException, GitAPIException {
        String uri = isUrl(urlOrPath) ? urlOrPath : Path.of(urlOrPath).toAbsolutePath().toUri().toString();
        Git git;
        try {
            git = Git.cloneRepository().setURI(uri).setDirectory(scratch.resolve("repo").toFile())
                    .setCredentialsProvider(credentials).setNoCheckout(true).call();
        } catch (TransportException e) {
            throw GitErrors.transport(urlOrPath, "clone", e, credentials != null, token);
        }
        Ref remoteBranch = git.getRepository().findRef("refs/remotes/origin/" + branch);
        Ref remoteBase = git.getRepository().findRef("refs/remotes/origin/" + base);
        if (remoteBase == null) {
            git.close();
            throw new InputException(InputProblem.error(urlOrPath, 0, "--base", "a branch of the repository",
                    "no branch " + base));
        }
        // The clone has no work tree yet: a forced checkout writes the base's files without comparing them with
        // whatever HEAD the clone chose (the unforced switch saw every such file as a conflict, issue 15 item 1).
        git.checkout().setCreateBranch(true).setForced(true).setName(branch).setStartPoint("origin/" + base).call();
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit baseTip = walk.parseCommit(remoteBase.getObjectId());
            RevCommit before = remoteBranch == null ? null : walk.parseCommit(remoteBranch.getObjectId());
            return new PolicyRepository(git, scratch, urlOrPath, credentials, token, branch, baseTip, before);
        }
    }

    private static boolean isUrl(String s) {
        return s.contains("://") || s.matches("^[\\w.-]+@[\\w.-]+:.*");
    }

    /** The policy directory in the checkout: the base's until {@link #replace}, the proposal's after. */
    Path policyDir(String path) {
        return dir.resolve(path).normalize();
    }

    /** A scratch directory beside the clone, removed with it. */
    Path scratch(String name) throws IOException {
        return Files.createDirectories(scratch.resolve(name));
    }

    /** The branch tip before this run, null when the branch is new. */
    RevCommit previousProposal() {
        return remoteBefore;
    }

    RevCommit baseTip() {
        return baseTip;
    }

    /**
     * Replaces the contents of {@code path} with {@code generated}, keeping files a human
     * annotated as unmanaged; kept files stay listed in the generated {@code kustomization.yaml}
     * so Argo CD or Flux keeps applying them (issue 15 item 3). Returns the repository-relative
     * paths kept.
     */
    List<String> replace(String path, Path generated) throws IOException {
        Path target = dir.resolve(path).normalize();
        if (!target.startsWith(dir)) {
            throw new IllegalArgumentException("--path " + path + " leaves the repository");
        }
        List<String> kept = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.walk(target)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (ManagedFiles.keptByHuman(f)) {
                        kept.add(dir.relativize(f).toString());
                    } else {
                        Files.delete(f);
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(generated)) {
            // the manifest marks a local --out as flowpol's; in git, history does that job
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(OutputTarget.MANIFEST)).sorted().toList()) {
                Path to = target.resolve(generated.relativize(f).toString());
                if (kept.contains(dir.relativize(to).toString())) {
                    continue;
                }
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        KeptResources.add(target, kept.stream().map(k -> target.relativize(dir.resolve(k)).toString()).toList());
        return kept;
    }

    /**
     * Commits everything under {@code path} on top of the base tip; null when the result is the
     * base itself (nothing to propose).
     */
    RevCommit commit(String path, String message, PersonIdent author) throws GitAPIException, IOException {
        git.add().addFilepattern(path).call();
        git.add().addFilepattern(path).setUpdate(true).call();
        if (git.status().addPath(path).call().getUncommittedChanges().isEmpty()) {
            return null;
        }
        ObjectId id = git.commit().setMessage(message).setAuthor(author).setCommitter(author).call().getId();
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            return walk.parseCommit(id);
        }
    }

    /** Rewrites the message of {@code commit} (the tip just made), keeping its tree, parent and author. */
    RevCommit reword(RevCommit commit, String message) throws GitAPIException, IOException {
        ObjectId id = git.commit().setAmend(true).setMessage(message).setAuthor(commit.getAuthorIdent())
                .setCommitter(commit.getCommitterIdent()).call().getId();
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            return walk.parseCommit(id);
        }
    }

    /** True when the branch already holds exactly {@code proposal}: one commit on the same base with the same tree. */
    boolean alreadyProposed(RevCommit proposal) {
        return remoteBefore != null && remoteBefore.getParentCount() == 1
                && remoteBefore.getParent(0).equals(baseTip) && remoteBefore.getTree().equals(proposal.getTree());
    }

    /**
     * Force-pushes the branch with a lease on the tip it had when cloned (or on its absence): the
     * proposal replaces yesterday's, but a push someone made meanwhile is refused, not lost.
     */
    void push() throws GitAPIException {
        ObjectId expected = remoteBefore == null ? ObjectId.zeroId() : remoteBefore.getId();
        try {
            check(git.push().setCredentialsProvider(credentials).setRemote("origin")
                    .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/heads/" + branch))
                    .setRefLeaseSpecs(new RefLeaseSpec("refs/heads/" + branch, expected.name())).call());
        } catch (TransportException e) {
            throw GitErrors.transport(uri, "push", e, credentials != null, token);
        }
    }

    /** Puts the remote branch back where it was before {@link #push()} (deleted when it was new). */
    void rollback() throws GitAPIException {
        RefSpec spec = remoteBefore == null ? new RefSpec(":refs/heads/" + branch)
                : new RefSpec("+" + remoteBefore.name() + ":refs/heads/" + branch);
        check(git.push().setCredentialsProvider(credentials).setRemote("origin").setRefSpecs(spec).setForce(true).call());
    }

    /** The repository, for reading trees of the commits above. */
    Repository repository() {
        return git.getRepository();
    }

    private static void check(Iterable<PushResult> results) {
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                RemoteRefUpdate.Status s = update.getStatus();
                if (s == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED) {
                    throw new IllegalStateException("git push of " + update.getRemoteName()
                            + " was refused: someone pushed to it while flowpol ran; nothing was overwritten, run again");
                }
                if (s != RemoteRefUpdate.Status.OK && s != RemoteRefUpdate.Status.UP_TO_DATE) {
                    throw new IllegalStateException("git push of " + update.getRemoteName() + " was refused: " + s
                            + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                }
            }
        }
    }

    @Override
    public void close() {
        git.close();
        ScratchDirectories.delete(scratch);
    }
}
